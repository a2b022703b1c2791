-- AlterTable
ALTER TABLE "Contract" ADD COLUMN     "buyerAreaId" TEXT,
ADD COLUMN     "buyerInZone" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "sellerAreaId" TEXT,
ADD COLUMN     "sellerInZone" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "Contract_sellerAreaId_registeredAt_idx" ON "Contract"("sellerAreaId", "registeredAt");

-- CreateIndex
CREATE INDEX "Contract_buyerAreaId_registeredAt_idx" ON "Contract"("buyerAreaId", "registeredAt");

-- Which town/street and zone a contract counts toward (issue 13), one rule for every path that
-- writes a contract (form, import, consultation, seed): each Baodi party's place comes from its
-- organization; 输出 counts toward the seller's, 吸纳 the buyer's, and 输出+吸纳 ("areaId") the
-- seller's when the seller is in Baodi, else the buyer's. A Baodi party with no organization on
-- the platform keeps the place the contract was given.
CREATE FUNCTION contract_attribution() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  seller_baodi boolean := NEW."sellerRegionCode" = '120115';
  buyer_baodi boolean := NEW."buyerRegionCode" = '120115';
BEGIN
  IF TG_OP = 'INSERT'
     OR NEW."sellerOrgId" IS DISTINCT FROM OLD."sellerOrgId" OR NEW."buyerOrgId" IS DISTINCT FROM OLD."buyerOrgId"
     OR NEW."sellerRegionCode" IS DISTINCT FROM OLD."sellerRegionCode"
     OR NEW."buyerRegionCode" IS DISTINCT FROM OLD."buyerRegionCode" THEN
    IF seller_baodi AND NEW."sellerOrgId" IS NOT NULL THEN
      SELECT o."areaId", o."inDevelopmentZone" INTO NEW."sellerAreaId", NEW."sellerInZone"
      FROM "Organization" o WHERE o."id" = NEW."sellerOrgId";
    ELSIF seller_baodi AND NEW."sellerAreaId" IS NULL THEN
      NEW."sellerAreaId" := NEW."areaId";
      NEW."sellerInZone" := NEW."inDevelopmentZone";
    END IF;
    IF buyer_baodi AND NEW."buyerOrgId" IS NOT NULL THEN
      SELECT o."areaId", o."inDevelopmentZone" INTO NEW."buyerAreaId", NEW."buyerInZone"
      FROM "Organization" o WHERE o."id" = NEW."buyerOrgId";
    ELSIF buyer_baodi AND NOT seller_baodi AND NEW."buyerAreaId" IS NULL THEN
      NEW."buyerAreaId" := NEW."areaId";
      NEW."buyerInZone" := NEW."inDevelopmentZone";
    END IF;
    IF NOT seller_baodi THEN
      NEW."sellerAreaId" := NULL;
      NEW."sellerInZone" := false;
    END IF;
    IF NOT buyer_baodi THEN
      NEW."buyerAreaId" := NULL;
      NEW."buyerInZone" := false;
    END IF;
    NEW."sellerInZone" := coalesce(NEW."sellerInZone", false);
    NEW."buyerInZone" := coalesce(NEW."buyerInZone", false);
    IF seller_baodi THEN
      NEW."areaId" := NEW."sellerAreaId";
      NEW."inDevelopmentZone" := NEW."sellerInZone";
    ELSIF buyer_baodi THEN
      NEW."areaId" := NEW."buyerAreaId";
      NEW."inDevelopmentZone" := NEW."buyerInZone";
    END IF;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER contract_attribution BEFORE INSERT OR UPDATE ON "Contract"
  FOR EACH ROW EXECUTE FUNCTION contract_attribution();

-- The place each counting side uses: the seller's for 输出, the buyer's for 吸纳, areaId for both.
CREATE FUNCTION contract_side_area(side text, c_seller_area text, c_buyer_area text, c_area text) RETURNS text
IMMUTABLE LANGUAGE sql AS $$
  SELECT coalesce(CASE side WHEN 'OUTFLOW' THEN c_seller_area WHEN 'INFLOW' THEN c_buyer_area ELSE c_area END, '')
$$;
CREATE FUNCTION contract_side_zone(side text, c_seller_zone boolean, c_buyer_zone boolean, c_zone boolean) RETURNS boolean
IMMUTABLE LANGUAGE sql AS $$
  SELECT CASE side WHEN 'OUTFLOW' THEN c_seller_zone WHEN 'INFLOW' THEN c_buyer_zone ELSE c_zone END
$$;

CREATE OR REPLACE FUNCTION contract_rollup_apply(c "Contract", sign integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  b text := contract_bucket(c."status"::text);
  seller_baodi boolean := c."sellerRegionCode" = '120115';
  buyer_baodi boolean := c."buyerRegionCode" = '120115';
  p date := contract_period(c."status", c."registeredAt", c."signedOn");
  y integer := extract(year FROM p);
  m integer := extract(month FROM p);
  s text;
  cp text;
BEGIN
  IF b IS NULL OR NOT (seller_baodi OR buyer_baodi) THEN
    RETURN;
  END IF;
  FOREACH s IN ARRAY ARRAY['OUTFLOW', 'INFLOW', 'BOTH'] LOOP
    CONTINUE WHEN s = 'OUTFLOW' AND NOT seller_baodi;
    CONTINUE WHEN s = 'INFLOW' AND NOT buyer_baodi;
    cp := CASE
      WHEN s = 'INFLOW' OR (s = 'BOTH' AND NOT seller_baodi) THEN contract_region_group(c."sellerRegionCode")
      ELSE contract_region_group(c."buyerRegionCode")
    END;
    INSERT INTO "ContractRollup" AS r
      ("year", "month", "side", "areaId", "inZone", "bucket", "dim", "key", "contracts", "amountFen", "techAmountFen")
    SELECT d.y, d.m, s, contract_side_area(s, c."sellerAreaId", c."buyerAreaId", c."areaId"),
           contract_side_zone(s, c."sellerInZone", c."buyerInZone", c."inDevelopmentZone"), b, d.dim, d.key,
           sign, sign * c."amountFen", sign * c."techAmountFen"
    FROM (VALUES
      (y, m, 'all', ''),
      (y, m, 'type', c."type"::text),
      (y, m, 'field', coalesce(c."fieldCode", '')),
      (y, m, 'counterpart', cp),
      (y, m, 'seller', coalesce(c."sellerOrgId", 'name:' || c."sellerName")),
      (y, m, 'buyer', coalesce(c."buyerOrgId", 'name:' || c."buyerName")),
      (extract(year FROM c."signedOn")::integer, extract(month FROM c."signedOn")::integer, 'signed', '')
    ) AS d(y, m, dim, key)
    WHERE d.dim <> 'signed' OR b = 'COUNTED'
    ON CONFLICT ("year", "side", "bucket", "dim", "month", "areaId", "inZone", "key") DO UPDATE SET
      "contracts" = r."contracts" + EXCLUDED."contracts",
      "amountFen" = r."amountFen" + EXCLUDED."amountFen",
      "techAmountFen" = r."techAmountFen" + EXCLUDED."techAmountFen";
  END LOOP;
END
$$;

CREATE OR REPLACE FUNCTION contract_rollup_rebuild() RETURNS void LANGUAGE sql AS $$
  DELETE FROM "ContractRollup";
  INSERT INTO "ContractRollup"
    ("year", "month", "side", "areaId", "inZone", "bucket", "dim", "key", "contracts", "amountFen", "techAmountFen")
  SELECT d.y, d.m, s.side,
         contract_side_area(s.side, c."sellerAreaId", c."buyerAreaId", c."areaId"),
         contract_side_zone(s.side, c."sellerInZone", c."buyerInZone", c."inDevelopmentZone"),
         contract_bucket(c."status"::text), d.dim, d.key,
         count(*)::integer, sum(c."amountFen")::bigint, sum(c."techAmountFen")::bigint
  FROM "Contract" c
  CROSS JOIN LATERAL (SELECT contract_period(c."status", c."registeredAt", c."signedOn") AS p) AS period
  CROSS JOIN LATERAL (VALUES
    ('OUTFLOW', c."sellerRegionCode" = '120115', contract_region_group(c."buyerRegionCode")),
    ('INFLOW', c."buyerRegionCode" = '120115', contract_region_group(c."sellerRegionCode")),
    ('BOTH', c."sellerRegionCode" = '120115' OR c."buyerRegionCode" = '120115',
      CASE WHEN c."sellerRegionCode" = '120115' THEN contract_region_group(c."buyerRegionCode")
           ELSE contract_region_group(c."sellerRegionCode") END)
  ) AS s(side, applies, cp)
  CROSS JOIN LATERAL (VALUES
    (extract(year FROM period.p)::integer, extract(month FROM period.p)::integer, 'all', ''),
    (extract(year FROM period.p)::integer, extract(month FROM period.p)::integer, 'type', c."type"::text),
    (extract(year FROM period.p)::integer, extract(month FROM period.p)::integer, 'field', coalesce(c."fieldCode", '')),
    (extract(year FROM period.p)::integer, extract(month FROM period.p)::integer, 'counterpart', s.cp),
    (extract(year FROM period.p)::integer, extract(month FROM period.p)::integer, 'seller',
      coalesce(c."sellerOrgId", 'name:' || c."sellerName")),
    (extract(year FROM period.p)::integer, extract(month FROM period.p)::integer, 'buyer',
      coalesce(c."buyerOrgId", 'name:' || c."buyerName")),
    (extract(year FROM c."signedOn")::integer, extract(month FROM c."signedOn")::integer, 'signed', '')
  ) AS d(y, m, dim, key)
  WHERE s.applies AND contract_bucket(c."status"::text) IS NOT NULL
    AND (d.dim <> 'signed' OR contract_bucket(c."status"::text) = 'COUNTED')
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
$$;

-- Existing contracts: each Baodi party's place from its organization (the trigger's rule, set-based),
-- then the rollup on the new attribution.
ALTER TABLE "Contract" DISABLE TRIGGER contract_rollup;
WITH placed AS (
  SELECT c."id",
    CASE WHEN c."sellerRegionCode" = '120115' THEN coalesce(so."areaId", CASE WHEN so."id" IS NULL THEN c."areaId" END) END AS seller_area,
    CASE WHEN c."sellerRegionCode" = '120115' THEN coalesce(so."inDevelopmentZone", c."inDevelopmentZone") ELSE false END AS seller_zone,
    CASE WHEN c."buyerRegionCode" = '120115' THEN coalesce(bo."areaId", CASE WHEN bo."id" IS NULL AND c."sellerRegionCode" <> '120115' THEN c."areaId" END) END AS buyer_area,
    CASE WHEN c."buyerRegionCode" = '120115' THEN coalesce(bo."inDevelopmentZone", CASE WHEN c."sellerRegionCode" <> '120115' THEN c."inDevelopmentZone" END, false) ELSE false END AS buyer_zone
  FROM "Contract" c
  LEFT JOIN "Organization" so ON so."id" = c."sellerOrgId"
  LEFT JOIN "Organization" bo ON bo."id" = c."buyerOrgId"
)
UPDATE "Contract" c SET "sellerAreaId" = p.seller_area, "sellerInZone" = p.seller_zone,
                        "buyerAreaId" = p.buyer_area, "buyerInZone" = p.buyer_zone,
                        "areaId" = CASE WHEN c."sellerRegionCode" = '120115' THEN p.seller_area
                                        WHEN c."buyerRegionCode" = '120115' THEN p.buyer_area
                                        ELSE c."areaId" END,
                        "inDevelopmentZone" = CASE WHEN c."sellerRegionCode" = '120115' THEN p.seller_zone
                                                   WHEN c."buyerRegionCode" = '120115' THEN p.buyer_zone
                                                   ELSE c."inDevelopmentZone" END
FROM placed p WHERE p."id" = c."id";
ALTER TABLE "Contract" ENABLE TRIGGER contract_rollup;
SELECT contract_rollup_rebuild();
