-- AlterTable
ALTER TABLE "Contract" ADD COLUMN     "buyerRegionGroup" TEXT,
ADD COLUMN     "sellerRegionGroup" TEXT;

-- CreateIndex
CREATE INDEX "Contract_type_signedOn_idx" ON "Contract"("type", "signedOn");

-- CreateIndex
CREATE INDEX "Contract_inDevelopmentZone_signedOn_idx" ON "Contract"("inDevelopmentZone", "signedOn");

-- CreateIndex
CREATE INDEX "Contract_buyerRegionGroup_signedOn_idx" ON "Contract"("buyerRegionGroup", "signedOn");

-- CreateIndex
CREATE INDEX "Contract_sellerRegionGroup_signedOn_idx" ON "Contract"("sellerRegionGroup", "signedOn");

-- The parties' statistical regions, kept from their region codes on every write.
CREATE FUNCTION contract_region_groups() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."buyerRegionGroup" := contract_region_group(NEW."buyerRegionCode");
  NEW."sellerRegionGroup" := contract_region_group(NEW."sellerRegionCode");
  RETURN NEW;
END
$$;

CREATE TRIGGER contract_region_groups BEFORE INSERT OR UPDATE OF "buyerRegionCode", "sellerRegionCode" ON "Contract"
  FOR EACH ROW EXECUTE FUNCTION contract_region_groups();

UPDATE "Contract" SET "buyerRegionGroup" = contract_region_group("buyerRegionCode"),
                      "sellerRegionGroup" = contract_region_group("sellerRegionCode");
