/** Attachments stored by SHA-256: the record keeps the hash, so a swapped file is detected. */
export {
  type AttachmentCheck,
  type AttachmentPolicy,
  cleanFileName,
  DEFAULT_MAX_ATTACHMENT_BYTES,
  findStoredFile,
  getStoredFile,
  type StoreAttachmentInput,
  type StoredFile,
  storeAttachment,
  verifyAllAttachments,
  verifyAttachment,
} from './attachments.js';
export {
  ATTACHMENT_TYPES,
  type AttachmentKind,
  type AttachmentType,
  checkAttachmentType,
  sniff,
} from './sniff.js';
export { type FileStore, LocalFileStore, type PutResult, type VerifyStatus } from './store.js';
export type { StoredFileTable } from './tables.js';
