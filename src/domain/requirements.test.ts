import { describe, expect, it } from 'vitest';
import {
  describeRequirementSet,
  parseInsurerRating,
  requirementSetDefinition,
  requirementSetDefinitionInput,
  type RequirementSetDefinition,
} from './requirements.js';

// The example of shared/contracts/requirements.md, verbatim.
const contractExample = {
  schemaVersion: 1,
  name: 'Standard subcontractor',
  expiringWithinDays: 30,
  certificateHolder: {
    name: 'Acme Property Group LLC',
    address: { lines: ['1 Main St'], city: 'Austin', state: 'TX', postalCode: '78701' },
  },
  coverages: [
    {
      coverage: 'general_liability',
      limits: { each_occurrence: 1000000, general_aggregate: 2000000 },
      additionalInsured: true,
      subrogationWaived: true,
      primaryNonContributory: true,
      basis: 'occurrence',
      aggregateAppliesPer: ['project', 'location'],
      umbrellaMayApply: true,
    },
    { coverage: 'automobile_liability', limits: { combined_single_limit: 1000000 }, umbrellaMayApply: true },
    { coverage: 'umbrella_liability', limits: { each_occurrence: 5000000 } },
    {
      coverage: 'workers_compensation',
      perStatute: true,
      limits: { el_each_accident: 1000000, el_disease_each_employee: 1000000, el_disease_policy_limit: 1000000 },
    },
    { coverage: 'other', description: 'Professional Liability', limits: { each_claim: 1000000 } },
  ],
  approvedInsurerNaics: null,
  minimumInsurerRating: null,
  descriptionMustMention: [],
};

const withCoverage = (entry: Record<string, unknown>) => ({ schemaVersion: 1, name: 'T', coverages: [entry] });
const issuesOf = (input: unknown) => {
  const result = requirementSetDefinition.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
};

describe('requirementSetDefinition', () => {
  it('accepts the contract example and fills the defaults of what it leaves out', () => {
    const def = requirementSetDefinition.parse(contractExample);
    expect(def.coverages[1]).toEqual({
      coverage: 'automobile_liability',
      limits: { combined_single_limit: 1000000 },
      additionalInsured: false,
      subrogationWaived: false,
      primaryNonContributory: false,
      umbrellaMayApply: true,
    });
    expect(def.coverages[4]).toMatchObject({ coverage: 'other', description: 'Professional Liability' });
  });

  it('fills top-level defaults for a minimal set', () => {
    expect(requirementSetDefinition.parse({ schemaVersion: 1, name: 'Light' })).toEqual({
      schemaVersion: 1,
      name: 'Light',
      expiringWithinDays: 30,
      coverages: [],
      approvedInsurerNaics: null,
      minimumInsurerRating: null,
      descriptionMustMention: [],
    });
  });

  it.each([
    ['A++'],
    ['A- VIII'],
    ['B+ XV'],
    ['S'],
    ['C++ I'],
  ])('accepts the insurer rating %s', (rating) => {
    expect(issuesOf({ schemaVersion: 1, name: 'T', minimumInsurerRating: rating })).toEqual([]);
  });

  it.each([
    ['A+++'],
    ['a-'],
    ['A- XVI'],
    ['A-VIII'],
    ['G'],
    ['A- VIII extra'],
  ])('refuses the insurer rating %s', (rating) => {
    expect(issuesOf({ schemaVersion: 1, name: 'T', minimumInsurerRating: rating })[0]?.path).toBe('minimumInsurerRating');
  });

  it.each<[string, unknown, string]>([
    ['a misspelt limit key', withCoverage({ coverage: 'general_liability', limits: { each_occurence: 1000000 } }), 'coverages.0.limits.each_occurence'],
    ['a limit of another coverage', withCoverage({ coverage: 'automobile_liability', limits: { each_occurrence: 1 } }), 'coverages.0.limits.each_occurrence'],
    ['a zero limit', withCoverage({ coverage: 'general_liability', limits: { each_occurrence: 0 } }), 'coverages.0.limits.each_occurrence'],
    ['a negative limit', withCoverage({ coverage: 'general_liability', limits: { general_aggregate: -5 } }), 'coverages.0.limits.general_aggregate'],
    ['a fractional limit', withCoverage({ coverage: 'workers_compensation', limits: { el_each_accident: 1000.5 } }), 'coverages.0.limits.el_each_accident'],
    ['a limit given as text', withCoverage({ coverage: 'umbrella_liability', limits: { each_occurrence: '5000000' } }), 'coverages.0.limits.each_occurrence'],
    ['an other limit not in snake_case', withCoverage({ coverage: 'other', description: 'Cyber', limits: { 'Each Claim': 1 } }), 'coverages.0.limits.Each Claim'],
    ['an unknown coverage', withCoverage({ coverage: 'pollution_liability' }), 'coverages.0.coverage'],
    ['a missing coverage', withCoverage({ limits: {} }), 'coverages.0.coverage'],
    ['other without description', withCoverage({ coverage: 'other', limits: { each_claim: 1 } }), 'coverages.0.description'],
    ['perStatute outside workers compensation', withCoverage({ coverage: 'general_liability', perStatute: true }), 'coverages.0'],
    ['a misspelt condition', withCoverage({ coverage: 'general_liability', additionalInsurd: true }), 'coverages.0'],
    ['a non-boolean condition', withCoverage({ coverage: 'general_liability', additionalInsured: 'yes' }), 'coverages.0.additionalInsured'],
    ['an unknown basis', withCoverage({ coverage: 'general_liability', basis: 'per_claim' }), 'coverages.0.basis'],
    ['an unknown aggregate basis', withCoverage({ coverage: 'general_liability', aggregateAppliesPer: ['job'] }), 'coverages.0.aggregateAppliesPer.0'],
    ['an empty aggregate basis list', withCoverage({ coverage: 'general_liability', aggregateAppliesPer: [] }), 'coverages.0.aggregateAppliesPer'],
    ['another schema version', { schemaVersion: 2, name: 'T' }, 'schemaVersion'],
    ['an empty name', { schemaVersion: 1, name: '  ' }, 'name'],
    ['expiringWithinDays above 365', { schemaVersion: 1, name: 'T', expiringWithinDays: 400 }, 'expiringWithinDays'],
    ['fractional expiringWithinDays', { schemaVersion: 1, name: 'T', expiringWithinDays: 1.5 }, 'expiringWithinDays'],
    ['a 4-digit NAIC code', { schemaVersion: 1, name: 'T', approvedInsurerNaics: ['1234'] }, 'approvedInsurerNaics.0'],
    ['a numeric NAIC code', { schemaVersion: 1, name: 'T', approvedInsurerNaics: [12345] }, 'approvedInsurerNaics.0'],
    ['an empty approved NAIC list', { schemaVersion: 1, name: 'T', approvedInsurerNaics: [] }, 'approvedInsurerNaics'],
    ['an empty phrase to mention', { schemaVersion: 1, name: 'T', descriptionMustMention: [''] }, 'descriptionMustMention.0'],
    ['a holder without name', { schemaVersion: 1, name: 'T', certificateHolder: { address: null } }, 'certificateHolder.name'],
    ['an unknown top-level field', { schemaVersion: 1, name: 'T', coverage: [] }, ''],
  ])('refuses %s, naming %s', (_label, input, path) => {
    const issues = issuesOf(input);
    expect(issues.map((i) => i.path)).toContain(path);
  });

  it.each<[string, Record<string, unknown>[], string]>([
    [
      'the same coverage twice',
      [
        { coverage: 'general_liability', limits: { each_occurrence: 1000000 } },
        { coverage: 'general_liability', limits: { each_occurrence: 2000000 } },
      ],
      'coverages.1.coverage',
    ],
    [
      'two other entries with the same description (case and punctuation folded)',
      [
        { coverage: 'other', description: 'Professional Liability' },
        { coverage: 'other', description: 'professional  liability.' },
      ],
      'coverages.1.description',
    ],
    ['a general aggregate below each occurrence', [{ coverage: 'general_liability', limits: { each_occurrence: 2000000, general_aggregate: 1000000 } }], 'coverages.0.limits.general_aggregate'],
    ['an umbrella aggregate below its each occurrence', [{ coverage: 'umbrella_liability', limits: { each_occurrence: 5000000, aggregate: 1000000 } }], 'coverages.0.limits.aggregate'],
    ['a disease policy limit below each employee', [{ coverage: 'workers_compensation', limits: { el_disease_each_employee: 1000000, el_disease_policy_limit: 500000 } }], 'coverages.0.limits.el_disease_policy_limit'],
    ['an aggregate basis on auto', [{ coverage: 'automobile_liability', aggregateAppliesPer: ['project'] }], 'coverages.0.aggregateAppliesPer'],
    ['an occurrence basis on workers compensation', [{ coverage: 'workers_compensation', basis: 'occurrence' }], 'coverages.0.basis'],
    ['an umbrella topping up an umbrella', [{ coverage: 'umbrella_liability', umbrellaMayApply: true }], 'coverages.0.umbrellaMayApply'],
  ])('refuses contradictions: %s', (_label, coverages, path) => {
    expect(issuesOf({ schemaVersion: 1, name: 'T', coverages }).map((i) => i.path)).toEqual([path]);
  });

  it('accepts several other entries with distinct descriptions', () => {
    const coverages = [
      { coverage: 'other', description: 'Professional Liability', limits: { each_claim: 1000000 } },
      { coverage: 'other', description: 'Cyber Liability', limits: { aggregate: 1000000 } },
    ];
    expect(issuesOf({ schemaVersion: 1, name: 'T', coverages })).toEqual([]);
  });

  it('says which keys are known when a limit key is wrong', () => {
    const [issue] = issuesOf(withCoverage({ coverage: 'general_liability', limits: { each_occurence: 1 } }));
    expect(issue?.message).toContain('each_occurrence');
  });
});

describe('requirementSetDefinitionInput', () => {
  it('lets the name and schemaVersion be left out inside a create request', () => {
    expect(requirementSetDefinitionInput.parse({ coverages: [] })).toMatchObject({ schemaVersion: 1, coverages: [] });
  });

  it('still refuses contradictions', () => {
    const coverages = [{ coverage: 'automobile_liability' }, { coverage: 'automobile_liability' }];
    expect(requirementSetDefinitionInput.safeParse({ coverages }).success).toBe(false);
  });
});

describe('parseInsurerRating', () => {
  it.each([
    ['A- VIII', { letter: 'A-', size: 'VIII' }],
    ['A++', { letter: 'A++', size: null }],
    [' B  XV ', { letter: 'B', size: 'XV' }],
    ['A VIIII', null],
    ['', null],
  ])('%j → %j', (input, expected) => {
    expect(parseInsurerRating(input)).toEqual(expected);
  });
});

describe('describeRequirementSet', () => {
  const parse = (input: unknown): RequirementSetDefinition => requirementSetDefinition.parse(input);

  it.each<[string, Record<string, unknown>, string]>([
    [
      'general liability with every endorsement',
      {
        coverage: 'general_liability',
        limits: { general_aggregate: 2000000, each_occurrence: 1000000 },
        additionalInsured: true,
        subrogationWaived: true,
        primaryNonContributory: true,
      },
      'General liability: $1,000,000 each occurrence, $2,000,000 general aggregate; additional insured; waiver of subrogation; primary and non-contributory',
    ],
    [
      'automobile liability that an umbrella may top up',
      { coverage: 'automobile_liability', limits: { combined_single_limit: 1000000 }, umbrellaMayApply: true },
      'Automobile liability: $1,000,000 combined single limit; an umbrella or excess policy may make up a shortfall',
    ],
    [
      'workers compensation with statutory limits',
      { coverage: 'workers_compensation', perStatute: true, limits: { el_each_accident: 500000 } },
      "Workers' compensation: statutory limits; $500,000 employers' liability each accident",
    ],
    ['a coverage with no minimum limits', { coverage: 'excess_liability' }, 'Excess liability: any limits'],
    [
      'an other coverage by its description, with basis',
      { coverage: 'other', description: 'Professional Liability', limits: { each_claim: 1000000 }, basis: 'claims_made' },
      'Professional Liability: $1,000,000 each claim; claims-made basis',
    ],
    [
      'an aggregate basis',
      { coverage: 'general_liability', limits: { each_occurrence: 1000000 }, basis: 'occurrence', aggregateAppliesPer: ['policy', 'project', 'location'] },
      'General liability: $1,000,000 each occurrence; occurrence basis; aggregate applies per policy, project or location',
    ],
  ])('describes %s', (_label, entry, line) => {
    expect(describeRequirementSet(parse(withCoverage(entry)))[0]).toBe(line);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['no coverage', {}, 'No insurance coverage required'],
    [
      'the certificate holder',
      { certificateHolder: { name: 'Acme Property Group LLC', address: { lines: ['1 Main St'], city: 'Austin', state: 'TX', postalCode: '78701' } } },
      'Certificate holder: Acme Property Group LLC, 1 Main St, Austin, TX 78701',
    ],
    ['a holder without address', { certificateHolder: { name: 'Acme' } }, 'Certificate holder: Acme'],
    ['a minimum rating', { minimumInsurerRating: 'A- VIII' }, 'Insurers rated A- VIII or better by AM Best'],
    ['approved insurers', { approvedInsurerNaics: ['12345', '67890'] }, 'Insurers limited to NAIC 12345 or 67890'],
    ['phrases to mention', { descriptionMustMention: ['Riverside Plaza', 'Job 42'] }, 'Description of operations must mention "Riverside Plaza", "Job 42"'],
    ['the default expiring window', {}, 'Policies ending within 30 days count as expiring'],
    ['a one-day expiring window', { expiringWithinDays: 1 }, 'Policies ending within 1 day count as expiring'],
  ])('mentions %s', (_label, extra, line) => {
    expect(describeRequirementSet(parse({ schemaVersion: 1, name: 'T', ...extra }))).toContain(line);
  });

  it('describes the contract example in order, one line per requirement', () => {
    expect(describeRequirementSet(parse(contractExample))).toEqual([
      'General liability: $1,000,000 each occurrence, $2,000,000 general aggregate; occurrence basis; aggregate applies per project or location; additional insured; waiver of subrogation; primary and non-contributory; an umbrella or excess policy may make up a shortfall',
      'Automobile liability: $1,000,000 combined single limit; an umbrella or excess policy may make up a shortfall',
      'Umbrella liability: $5,000,000 each occurrence',
      "Workers' compensation: statutory limits; $1,000,000 employers' liability each accident, $1,000,000 disease each employee, $1,000,000 disease policy limit",
      'Professional Liability: $1,000,000 each claim',
      'Certificate holder: Acme Property Group LLC, 1 Main St, Austin, TX 78701',
      'Policies ending within 30 days count as expiring',
    ]);
  });
});
