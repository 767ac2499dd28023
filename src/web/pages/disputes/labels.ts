import {
  appearerRoleLabels,
  excuseGroundLabels,
  instanceLabels,
  lawsuitOutcomeLabels,
} from '../../../domains/disputes/litigation/labels.js';
import {
  actKindLabels,
  channelLabels,
  outcomeLabels,
  procedureLabels,
  reconStatusLabels,
  subjectAreaLabels,
  suspensionGroundLabels,
  terminationGroundLabels,
} from '../../../domains/disputes/reconsideration/labels.js';
import { suggestionKindLabels } from '../../../domains/disputes/suggestions/labels.js';
import { optionsOf } from '../../components/options.js';

/**
 * Option lists of the 复议应诉 forms: the server's label tables (the zod-free labels.ts beside each
 * schema.ts under src/domains/disputes), so the screens and the server name a code alike.
 */

export const outcomeOptions = optionsOf(outcomeLabels);
/** 简易程序 decides without these (convert to 普通 first, 第五十五条) */
export const NOT_SIMPLE = new Set(['confirmInvalid', 'agreementRemedy', 'compensation']);

export const suspensionOptions = optionsOf(suspensionGroundLabels);
/** the codes of the server's grounds; 刑事强制措施 is worded shorter than the statute's text, to fit the select */
export const terminationOptions = optionsOf({
  ...terminationGroundLabels,
  detentionChange: '因同一违法行为涉嫌犯罪被采取刑事强制措施',
});
export const procedureOptions = optionsOf(procedureLabels);
/** an office records the paper channels; 网上申请 arrive through the portal */
export const channelOptions = optionsOf(channelLabels).filter((o) => o.value !== 'online');
export const channelFilterOptions = optionsOf(channelLabels);
export const actKindOptions = optionsOf(actKindLabels);
export const reconStatusOptions = optionsOf(reconStatusLabels);
export const instanceOptions = optionsOf(instanceLabels);
export const lawsuitOutcomeOptions = optionsOf(lawsuitOutcomeLabels);
export const appearerRoleOptions = optionsOf(appearerRoleLabels);
/** 出庭应诉规定 第二条: these count as 负责人; anyone else needs an excuse (第八条) */
export const HEAD_ROLES = new Set(['principal', 'deputy', 'deputyInCharge', 'otherInCharge']);
export const excuseOptions = optionsOf(excuseGroundLabels);
export const suggestionKindOptions = optionsOf(suggestionKindLabels);
export const subjectAreaOptions = optionsOf(subjectAreaLabels);
