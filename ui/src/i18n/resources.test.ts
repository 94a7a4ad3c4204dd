import { describe, expect, it } from 'vitest';
import { en, zhCN } from './bundles';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

const english = flatten(en);
const chinese = flatten(zhCN);

describe('translation resources', () => {
  it('have exactly the same keys in English and Chinese', () => {
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('use the same interpolation variables in both languages', () => {
    for (const [key, text] of english) {
      expect({ key, vars: placeholders(chinese.get(key) ?? '') }).toEqual({ key, vars: placeholders(text) });
    }
  });

  it('have no empty strings', () => {
    for (const [key, text] of [...english, ...chinese]) expect({ key, text: text.trim() }).not.toEqual({ key, text: '' });
  });

  it('are really translated: visible Chinese strings contain Chinese characters', () => {
    // Brand and vendor names and the "Switchboard" product name stay as they are.
    const untranslatable = new Set(['app.name', 'vendors.udesk']);
    for (const [key, text] of chinese) {
      if (untranslatable.has(key)) continue;
      expect({ key, hasHan: /\p{Script=Han}/u.test(text) }).toEqual({ key, hasHan: true });
    }
  });
});
