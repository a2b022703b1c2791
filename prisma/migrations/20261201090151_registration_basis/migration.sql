-- CreateEnum
CREATE TYPE "DateBasis" AS ENUM ('REGISTRATION', 'SIGNING');

-- AlterTable
ALTER TABLE "Target" ADD COLUMN     "dateBasis" "DateBasis" NOT NULL DEFAULT 'REGISTRATION';

-- CreateIndex
CREATE INDEX "Contract_registeredAt_idx" ON "Contract"("registeredAt");

-- CreateIndex
CREATE INDEX "Contract_status_registeredAt_idx" ON "Contract"("status", "registeredAt");

-- CreateIndex
CREATE INDEX "Contract_areaId_registeredAt_idx" ON "Contract"("areaId", "registeredAt");

-- CreateIndex
CREATE INDEX "Contract_type_registeredAt_idx" ON "Contract"("type", "registeredAt");

-- CreateIndex
CREATE INDEX "Contract_inDevelopmentZone_registeredAt_idx" ON "Contract"("inDevelopmentZone", "registeredAt");

-- CreateIndex
CREATE INDEX "Contract_buyerRegionGroup_registeredAt_idx" ON "Contract"("buyerRegionGroup", "registeredAt");

-- CreateIndex
CREATE INDEX "Contract_sellerRegionGroup_registeredAt_idx" ON "Contract"("sellerRegionGroup", "registeredAt");

-- A counted contract has a registration date: the period the registry counts it in.
UPDATE "Contract" SET "registeredAt" = "signedOn"
WHERE "status" IN ('REGISTERED', 'AMENDED') AND "registeredAt" IS NULL;
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_registered_date"
  CHECK ("status" NOT IN ('REGISTERED', 'AMENDED') OR "registeredAt" IS NOT NULL);

-- The period a contract counts in (ADR 006): registered and amended contracts by their
-- registration date in Beijing (UTC+8 all year, so a fixed offset), the pipeline by its signing
-- date. An amendment changes the figures of the registration's period; a termination removes the
-- contract from it.
CREATE FUNCTION contract_period(status "ContractStatus", registered_at timestamp, signed_on date)
RETURNS date STABLE LANGUAGE sql AS $$
  SELECT CASE WHEN contract_bucket(status::text) = 'COUNTED'
              THEN (registered_at + interval '8 hours')::date
              ELSE signed_on END
$$;

-- Adds (sign 1) or removes (sign -1) one contract's contribution to the rollup: per counting
-- side (输出 when the seller is in Baodi, 吸纳 when the buyer is, BOTH once when either is) and
-- per breakdown dimension, in the month of its period. Counted contracts are also summed by
-- their signing month under the dimension 'signed', for targets set on the signing date.
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
    SELECT d.y, d.m, s, coalesce(c."areaId", ''), c."inDevelopmentZone", b, d.dim, d.key,
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

-- The same rules, set-based, over the whole table.
CREATE OR REPLACE FUNCTION contract_rollup_rebuild() RETURNS void LANGUAGE sql AS $$
  DELETE FROM "ContractRollup";
  INSERT INTO "ContractRollup"
    ("year", "month", "side", "areaId", "inZone", "bucket", "dim", "key", "contracts", "amountFen", "techAmountFen")
  SELECT d.y, d.m, s.side,
         coalesce(c."areaId", ''), c."inDevelopmentZone", contract_bucket(c."status"::text), d.dim, d.key,
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

SELECT contract_rollup_rebuild();
