import { type Static, Type } from 'typebox';
import { NonBlankText, Nullable } from '../../platform/http/schemas.js';

export const Id = Type.String({ minLength: 1, maxLength: 64 });

const OptionalText = (max: number) => Type.Optional(Nullable(Type.String({ maxLength: max })));

/**
 * A phone as people write one: 5 to 20 digits, spaces, dashes and brackets between them, an optional
 * leading "+" ("+86 138-0013-8000", "(010) 6552 9988"). The web app checks the same pattern.
 */
export const PHONE_PATTERN = '^\\+?(?:[()\\-\\s]*[0-9]){5,20}[()\\-\\s]*$';
const Phone = Type.String({ minLength: 5, maxLength: 40, pattern: PHONE_PATTERN });

const required = {
  name: NonBlankText(80),
  phone: Phone,
  city: NonBlankText(80),
  line1: NonBlankText(200),
};
// Optional as an order's own address has them: not every country has provinces or districts.
const optional = {
  province: OptionalText(80),
  district: OptionalText(80),
  line2: OptionalText(200),
  postalCode: OptionalText(20),
  country: OptionalText(60),
};

export const CreateAddressBody = Type.Object(
  {
    ...required,
    ...optional,
    /** Make it the default at once (the first address is the default whatever this says). */
    isDefault: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const UpdateAddressBody = Type.Object(
  {
    name: Type.Optional(required.name),
    phone: Type.Optional(required.phone),
    city: Type.Optional(required.city),
    line1: Type.Optional(required.line1),
    ...optional,
  },
  { additionalProperties: false },
);

export const AddressSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  phone: Type.String(),
  province: Nullable(Type.String()),
  city: Type.String(),
  district: Nullable(Type.String()),
  line1: Type.String(),
  line2: Nullable(Type.String()),
  postalCode: Nullable(Type.String()),
  country: Nullable(Type.String()),
  isDefault: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});

/**
 * The person's addresses, the default first: never more than MAX_ADDRESSES, so never paged
 * (`nextCursor` is always null, in the shape of every list).
 */
export const AddressList = Type.Object({
  items: Type.Array(AddressSchema),
  nextCursor: Type.Null(),
  max: Type.Integer(),
});

export type Address = Static<typeof AddressSchema>;
export type AddressInput = Static<typeof CreateAddressBody>;
export type AddressPatch = Static<typeof UpdateAddressBody>;
