// The translation resources of every feature, merged: the shell's en.json / zh-CN.json plus one
// pair of files per large feature (so that features keep their strings apart).
import customerEn from './customer/en.json';
import customerZh from './customer/zh-CN.json';
import enBase from './en.json';
import ticketEn from './ticket/en.json';
import ticketZh from './ticket/zh-CN.json';
import ticketsEn from './tickets/en.json';
import ticketsZh from './tickets/zh-CN.json';
import zhBase from './zh-CN.json';

/** English strings (the source of the key types). */
export const en = { ...enBase, ...ticketsEn, ...ticketEn, ...customerEn };
/** Simplified Chinese strings (same keys as English; a test checks). */
export const zhCN = { ...zhBase, ...ticketsZh, ...ticketZh, ...customerZh };
