import { SetMetadata } from '@nestjs/common';

export const KIOSK_ROUTE = 'circle:kiosk-route';

/**
 * Opens a route to the kiosk account of the station in its path (CONTRACT: kiosks issue tickets
 * and read their station's live stream, nothing else). Every route without it refuses kiosks,
 * so a new endpoint is closed to them until someone decides otherwise.
 */
export const KioskRoute = () => SetMetadata(KIOSK_ROUTE, true);
