// The file picker of the reply box and the create form: paths only, uploaded like dropped files.
import { open } from '@tauri-apps/plugin-dialog';

/** Asks the user for files; returns their paths (none when cancelled). */
export async function pickFiles(): Promise<string[]> {
  const picked = await open({ multiple: true, directory: false });
  if (picked === null) return [];
  return Array.isArray(picked) ? picked : [picked];
}
