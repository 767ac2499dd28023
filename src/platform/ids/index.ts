export {
  checkIdNumber,
  demoIdNumber,
  generateIdNumber,
  type IdNumberCheck,
  type IdNumberInfo,
  type IdNumberParts,
  idNumberCheckChar,
  isValidIdNumber,
  parseIdNumber,
} from './id-number.js';
export {
  DEFAULT_MASK_POLICY,
  MaskMode,
  MaskPolicy,
  type MaskedRecord,
  maskRecord,
  maskValue,
  partialMask,
  SensitiveField,
} from './mask.js';
export {
  findSensitiveSpans,
  SCRUB_MARK,
  type ScrubOptions,
  type SensitiveSpan,
  type SensitiveSpanKind,
  scrubText,
} from './scrub.js';
export {
  checkUscc,
  generateUscc,
  isValidUscc,
  parseUscc,
  USCC_CHARSET,
  type UsccCheck,
  type UsccOptions,
  usccCheckChar,
} from './uscc.js';
