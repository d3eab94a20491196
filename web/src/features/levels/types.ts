import type { BodyOf, ResponseOf } from '../../lib/api';

/** Levels as the API shows them: derived from the generated API types, never copied. */
export type MyLevel = ResponseOf<'/api/me/level', 'get'>;
export type Benefit = MyLevel['benefits'][number];
export type MemberLevel = ResponseOf<'/api/levels', 'get'>['items'][number];
export type LevelInput = BodyOf<'/api/admin/levels', 'post'>;
export type LevelSettings = ResponseOf<'/api/admin/levels/settings', 'get'>;
export type LevelSettingsInput = BodyOf<'/api/admin/levels/settings', 'put'>;
