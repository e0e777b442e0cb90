/** What a reader shows for a personal field whose person was erased (their key deleted). */
export const ERASED = '[erased]';
