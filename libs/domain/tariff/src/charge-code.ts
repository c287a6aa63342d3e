/** A line of what a shipment costs (计费项目). Values are API: add, never rename. */
export const ChargeCode = {
  /** Freight by weight and zone (运费: 首重 + 续重). */
  FREIGHT: 'FREIGHT',
  /** Insurance fee on the insured value (保价费). */
  INSURANCE: 'INSURANCE',
  /** Remote-area surcharge for listed districts (偏远附加费). */
  REMOTE_AREA: 'REMOTE_AREA',
  /** Oversize surcharge: longest side over the threshold (超长附加费). */
  OVERSIZE: 'OVERSIZE',
  /** Carrying freight upstairs without a lift (上楼费), per floor; heavy freight only. */
  UPSTAIRS: 'UPSTAIRS',
} as const;
/** A line of what a shipment costs (计费项目). */
export type ChargeCode = (typeof ChargeCode)[keyof typeof ChargeCode];

/** All charge codes, in the order a bill lists them. */
export const CHARGE_CODES: readonly ChargeCode[] = Object.values(ChargeCode);

/** Chinese names of the charge lines. */
export const CHARGE_NAMES_ZH: Readonly<Record<ChargeCode, string>> = {
  FREIGHT: '运费',
  INSURANCE: '保价费',
  REMOTE_AREA: '偏远附加费',
  OVERSIZE: '超长附加费',
  UPSTAIRS: '上楼费',
};

/** True when `code` is a charge code. */
export const isChargeCode = (code: string): code is ChargeCode => (CHARGE_CODES as readonly string[]).includes(code);
