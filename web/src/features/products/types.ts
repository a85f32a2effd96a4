// Product types: the Sales service's OpenAPI schemas (web/openapi/sales.json → generated/sales.ts).
import type { components } from '../../shared/api/generated/sales'
import type { Wire, WireBody } from '../../shared/api/wire'

type Schemas = components['schemas']

/** A row of GET /products, GET /products/{id}, and the answer of POST and PUT. */
export type Product = Wire<Schemas['ProductResponse']>
/** POST /products (admin only). */
export type CreateProductRequest = WireBody<Schemas['CreateProductRequest']> & { name: string }
/** PUT /products/{id} (admin only): the changed fields plus `version`. */
export type UpdateProductRequest = WireBody<Schemas['UpdateProductRequest']> & { version: number }
