import type { LegalEntityType } from '~/generated/prisma/enums'

/** An organization as a contract records its party: linked, and copied as registered. */
export interface ContractParty {
  id: string
  name: string
  creditCode?: string | null
  regionCode: string
  legalEntityType: LegalEntityType
}

export const buyerColumns = (o: ContractParty) => ({
  buyerOrgId: o.id,
  buyerName: o.name,
  buyerCreditCode: o.creditCode ?? null,
  buyerRegionCode: o.regionCode,
  buyerEntityType: o.legalEntityType,
})

export const sellerColumns = (o: ContractParty) => ({
  sellerOrgId: o.id,
  sellerName: o.name,
  sellerCreditCode: o.creditCode ?? null,
  sellerRegionCode: o.regionCode,
  sellerEntityType: o.legalEntityType,
})
