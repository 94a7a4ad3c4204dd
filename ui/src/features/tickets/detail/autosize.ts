// Mantine's autosizing Textarea listens to document.fonts; environments without the Font Loading
// API (jsdom in component tests of other features that open a ticket) get a fixed-height box.
export const CAN_AUTOSIZE: boolean = typeof document !== 'undefined' && 'fonts' in document;
