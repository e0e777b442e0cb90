import { DomainError } from '@circle/kernel';
import type { IsoDate } from './iso-date';

/** A policy file that cannot be used; the message names the file and the field. */
export class PolicyFileError extends DomainError {
  constructor(
    readonly fileName: string,
    readonly field: string,
    problem: string,
  ) {
    super('invalid', 'policy_file_invalid', `${fileName}: ${field ? `${field} ` : ''}${problem}`, [
      { field, problem },
    ]);
  }
}

export class UnknownRegion extends DomainError {
  constructor(readonly region: string) {
    super('invalid', 'unknown_region', `no policy region is called "${region}"`, [
      { field: 'region', problem: `"${region}" is not a known policy region` },
    ]);
  }
}

export class NoPolicyInForce extends DomainError {
  constructor(
    readonly region: string,
    readonly date: IsoDate,
  ) {
    super('rule', 'no_policy_in_force', `no ${region} policy is in force on ${date}`, [
      { field: 'date', problem: `no ${region} policy is in force on ${date}` },
    ]);
  }
}

export class UnknownPolicyVersion extends DomainError {
  constructor(
    readonly region: string,
    readonly version: string,
  ) {
    super('not-found', 'unknown_policy_version', `${region} has no policy version "${version}"`);
  }
}

/** Two versions of one region taking effect on the same day: which applies would be a guess. */
export class OverlappingPolicies extends DomainError {
  constructor(
    readonly region: string,
    readonly earlier: string,
    readonly later: string,
  ) {
    super(
      'conflict',
      'overlapping_policies',
      `${region} policies ${earlier} and ${later} take effect on the same day; each day needs exactly one version`,
    );
  }
}

/**
 * A cited version whose file no longer holds the content it was cited with: re-reading it would
 * silently apply other figures than the record used.
 */
export class PolicyContentChanged extends DomainError {
  constructor(
    readonly cited: string,
    readonly onFile: string,
  ) {
    super(
      'conflict',
      'policy_content_changed',
      `${cited} is not on file: the file of that version now holds ${onFile}`,
    );
  }
}

export class DuplicatePolicyVersion extends DomainError {
  constructor(readonly policyVersion: string) {
    super('conflict', 'duplicate_policy_version', `two policies are both called ${policyVersion}`);
  }
}

export class ContributionYearNotCovered extends DomainError {
  constructor(
    readonly policyVersion: string,
    readonly year: number,
  ) {
    super(
      'rule',
      'contribution_year_not_covered',
      `policy ${policyVersion} does not cover ${year}`,
      [{ field: 'year', problem: `is not covered by policy ${policyVersion}` }],
    );
  }
}

export class InvalidQuoteInput extends DomainError {
  constructor(field: string, problem: string) {
    super('invalid', 'validation_failed', `${field} ${problem}`, [{ field, problem }]);
  }
}
