import { openNotice, sealNotice, isSealed, type PersonKeyring } from '@circle/event-store';

interface EventLike {
  readonly type: string;
  readonly data: unknown;
}

type WithMaskedName = { readonly residentId: string; readonly maskedName: unknown };

function submittedName(event: EventLike): WithMaskedName | undefined {
  if (event.type !== 'claims.ClaimSubmitted') return undefined;
  const data = event.data as Partial<WithMaskedName> | null;
  return typeof data?.residentId === 'string' ? (data as WithMaskedName) : undefined;
}

function withMaskedName<E extends EventLike>(event: E, maskedName: string | undefined): E {
  return { ...event, data: { ...(event.data as object), maskedName } };
}

/** Whose keys a reader of these claim events must look up. */
export function residentsOf(events: readonly EventLike[]): string[] {
  const ids = events.flatMap((e) => {
    const id = (e.data as { residentId?: unknown } | null)?.residentId;
    return typeof id === 'string' ? [id] : [];
  });
  return [...new Set(ids)];
}

/**
 * A claim event as the log keeps it: the submitted masked name and the notice's phone and masked
 * name sealed with the resident's key, so erasing the resident erases them from every claim.
 */
export function sealClaimEvent<E extends EventLike>(keyring: PersonKeyring, event: E): E {
  const submitted = submittedName(event);
  const named =
    submitted && typeof submitted.maskedName === 'string' && !isSealed(submitted.maskedName)
      ? withMaskedName(
          event,
          keyring.seal(submitted.residentId, { maskedName: submitted.maskedName }).maskedName,
        )
      : event;
  return sealNotice(keyring, named);
}

/** A claim event with its personal fields opened: ERASED once the resident's key is gone. */
export function openClaimEvent<E extends EventLike>(keyring: PersonKeyring, event: E): E {
  const submitted = submittedName(event);
  const named = submitted
    ? withMaskedName(
        event,
        keyring.open(submitted.residentId, { maskedName: submitted.maskedName }).maskedName,
      )
    : event;
  return openNotice(keyring, named);
}
