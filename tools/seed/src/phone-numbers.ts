import type { Random } from './prng';

// Long-distance area codes (区号) of the cities the demo gives desk phones to: the municipalities,
// provincial capitals, and every city of Guangdong, Jiangsu and Zhejiang. Elsewhere desks use mobiles.
const AREA_CODES: Readonly<Record<string, string>> = {
  '1101': '010', '1201': '022', '3101': '021', '5001': '023', '5002': '023',
  '1301': '0311', '1401': '0351', '1501': '0471', '2101': '024', '2201': '0431', '2301': '0451',
  '3401': '0551', '3501': '0591', '3601': '0791', '3701': '0531', '4101': '0371', '4201': '027', '4301': '0731',
  '4501': '0771', '5101': '028', '5201': '0851', '5301': '0871', '5401': '0891', '6101': '029', '6201': '0931',
  '6301': '0971', '6401': '0951', '6501': '0991',
  '4401': '020', '4402': '0751', '4403': '0755', '4404': '0756', '4405': '0754', '4406': '0757', '4407': '0750',
  '4408': '0759', '4409': '0668', '4412': '0758', '4413': '0752', '4414': '0753', '4415': '0660', '4416': '0762',
  '4417': '0662', '4418': '0763', '4419': '0769', '4420': '0760', '4451': '0768', '4452': '0663', '4453': '0766',
  '3201': '025', '3202': '0510', '3203': '0516', '3204': '0519', '3205': '0512', '3206': '0513', '3207': '0518',
  '3208': '0517', '3209': '0515', '3210': '0514', '3211': '0511', '3212': '0523', '3213': '0527',
  '3301': '0571', '3302': '0574', '3303': '0577', '3304': '0573', '3305': '0572', '3306': '0575', '3307': '0579',
  '3308': '0570', '3309': '0580', '3310': '0576', '3311': '0578',
};

/** Area code (区号) of a city, when the demo knows it; all of Hainan shares 0898. */
export const areaCodeOf = (cityCode: string): string | null =>
  AREA_CODES[cityCode] ?? (cityCode.startsWith('46') ? '0898' : null);

// Number segments of the three carriers (号段) in common use.
const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156',
  '157', '158', '159', '166', '175', '176', '177', '178', '180', '181', '182', '183', '184', '185', '186', '187',
  '188', '189', '191', '198', '199',
];

/**
 * Hands out phone numbers that are unique across one demo. Each number is drawn from the caller's own
 * random stream; a collision draws again from the same stream, so the result stays deterministic.
 */
export class PhoneBook {
  private readonly taken = new Set<string>();

  /** A unique mainland mobile number (手机号), e.g. `13812341234`. */
  mobile(random: Random): string {
    return this.claim(() => random.pick(MOBILE_PREFIXES) + random.digits(8));
  }

  /** A unique desk phone: `0755-2xxxxxxx` where the city's area code is known, otherwise a mobile. */
  desk(random: Random, cityCode: string): string {
    const areaCode = areaCodeOf(cityCode);
    if (areaCode === null) return this.mobile(random);
    // Local numbers never start with 0 or 1 (trunk and special-service prefixes), nor 9 (hotlines).
    return this.claim(() => `${areaCode}-${random.int(2, 8)}${random.digits(7)}`);
  }

  /** How many numbers have been handed out. */
  get size(): number {
    return this.taken.size;
  }

  private claim(draw: () => string): string {
    for (;;) {
      const number = draw();
      if (!this.taken.has(number)) {
        this.taken.add(number);
        return number;
      }
    }
  }
}
