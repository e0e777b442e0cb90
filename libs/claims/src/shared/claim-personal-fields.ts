import { openNotice, sealNotice, isSealed, type PersonKeyring } from '@circle/event-store';

interface EventLike {
  readonly type: string;
  readonly data: unknown;
}

/**
 * What a claim's events say of the resident besides their ID, by path in the event's data: the
 * masked name on the review list, the full name the payment goes to, the bank account given.
 * The notice's phone and masked name are sealed as every notice's are.
 */
const PERSONAL_PATHS: Readonly<Record<string, readonly (readonly string[])[]>> = {
  'claims.ClaimSubmitted': [['maskedName'], ['payeeAccount']],
  'claims.PaymentInstructed': [['payee', 'name'], ['payeeAccount']],
};

type Data = Record<string, unknown>;

const residentOf = (event: EventLike): string | undefined => {
  const id = (event.data as { residentId?: unknown } | null)?.residentId;
  return typeof id === 'string' ? id : undefined;
};

function valueAt(data: Data, path: readonly string[]): unknown {
  let at: unknown = data;
  for (const step of path) at = (at as Data | null | undefined)?.[step];
  return at;
}

/** A copy of `data` with the value at `path` replaced; objects on the way are copied too. */
function withValueAt(data: Data, path: readonly string[], value: unknown): Data {
  const [step, ...rest] = path;
  if (step === undefined) return data;
  const inner = rest.length === 0 ? value : withValueAt((data[step] as Data) ?? {}, rest, value);
  return { ...data, [step]: inner };
}

/** The event with each personal string `change` returns in place of the one it had. */
function mapPersonal<E extends EventLike>(
  event: E,
  residentId: string,
  change: (residentId: string, value: string) => string | undefined,
): E {
  const paths = PERSONAL_PATHS[event.type] ?? [];
  let data = event.data as Data;
  for (const path of paths) {
    const value = valueAt(data, path);
    if (typeof value === 'string') data = withValueAt(data, path, change(residentId, value));
  }
  return data === event.data ? event : { ...event, data };
}

/** Whose keys a reader of these claim events must look up. */
export function residentsOf(events: readonly EventLike[]): string[] {
  return [...new Set(events.flatMap((e) => residentOf(e) ?? []))];
}

/**
 * A claim event as the log keeps it: the resident's name, masked name and bank account, and the
 * notice's phone and masked name, sealed with the resident's key, so erasing the resident
 * erases them from every claim.
 */
export function sealClaimEvent<E extends EventLike>(keyring: PersonKeyring, event: E): E {
  const residentId = residentOf(event);
  if (residentId === undefined) return event;
  const sealed = mapPersonal(event, residentId, (id, value) =>
    isSealed(value) ? value : keyring.seal(id, { value }).value,
  );
  return sealNotice(keyring, sealed);
}

/** A claim event with its personal fields opened: ERASED once the resident's key is gone. */
export function openClaimEvent<E extends EventLike>(keyring: PersonKeyring, event: E): E {
  const residentId = residentOf(event);
  if (residentId === undefined) return event;
  const opened = mapPersonal(event, residentId, (id, value) => keyring.open(id, { value }).value);
  return openNotice(keyring, opened);
}
