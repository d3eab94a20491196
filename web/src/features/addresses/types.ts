import type { BodyOf, ResponseOf } from '../../lib/api';

/** A saved address as the API answers it (generated from the server's schema). */
export type SavedAddress = ResponseOf<'/api/me/addresses', 'get'>['items'][number];
export type AddressBook = ResponseOf<'/api/me/addresses', 'get'>;
export type NewAddress = BodyOf<'/api/me/addresses', 'post'>;
export type AddressChanges = BodyOf<'/api/me/addresses/{id}', 'patch'>;
