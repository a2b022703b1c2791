-- CreateTable
CREATE TABLE "ContractRollup" (
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "side" TEXT NOT NULL,
    "areaId" TEXT NOT NULL,
    "inZone" BOOLEAN NOT NULL,
    "bucket" TEXT NOT NULL,
    "dim" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "contracts" INTEGER NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "techAmountFen" BIGINT NOT NULL,

    CONSTRAINT "ContractRollup_pkey" PRIMARY KEY ("year","side","bucket","dim","month","areaId","inZone","key")
);

-- Which statistical region a party's 6-digit code belongs to, seen from Baodi (120115).
CREATE FUNCTION contract_region_group(code text) RETURNS text IMMUTABLE LANGUAGE sql AS $$
  SELECT CASE
    WHEN code = '120115' THEN 'BAODI'
    WHEN left(code, 2) = '11' THEN 'BEIJING'
    WHEN left(code, 2) = '12' THEN 'TIANJIN'
    WHEN left(code, 2) = '13' THEN 'HEBEI'
    ELSE 'OTHER'
  END
$$;

-- Which figures a contract counts in: registered and amended ones are COUNTED, signed and
-- submitted ones are the PIPELINE, drafts and terminated ones count nowhere.
CREATE FUNCTION contract_bucket(status text) RETURNS text IMMUTABLE LANGUAGE sql AS $$
  SELECT CASE
    WHEN status IN ('REGISTERED', 'AMENDED') THEN 'COUNTED'
    WHEN status IN ('SIGNED', 'SUBMITTED') THEN 'PIPELINE'
  END
$$;

-- Adds (sign 1) or removes (sign -1) one contract's contribution to the rollup: per counting
-- side (输出 when the seller is in Baodi, 吸纳 when the buyer is, BOTH once when either is) and
-- per breakdown dimension.
CREATE FUNCTION contract_rollup_apply(c "Contract", sign integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  b text := contract_bucket(c."status"::text);
  seller_baodi boolean := c."sellerRegionCode" = '120115';
  buyer_baodi boolean := c."buyerRegionCode" = '120115';
  y integer := extract(year FROM c."signedOn");
  m integer := extract(month FROM c."signedOn");
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
    SELECT y, m, s, coalesce(c."areaId", ''), c."inDevelopmentZone", b, d.dim, d.key,
           sign, sign * c."amountFen", sign * c."techAmountFen"
    FROM (VALUES
      ('all', ''),
      ('type', c."type"::text),
      ('field', coalesce(c."fieldCode", '')),
      ('counterpart', cp),
      ('seller', coalesce(c."sellerOrgId", 'name:' || c."sellerName")),
      ('buyer', coalesce(c."buyerOrgId", 'name:' || c."buyerName"))
    ) AS d(dim, key)
    ON CONFLICT ("year", "side", "bucket", "dim", "month", "areaId", "inZone", "key") DO UPDATE SET
      "contracts" = r."contracts" + EXCLUDED."contracts",
      "amountFen" = r."amountFen" + EXCLUDED."amountFen",
      "techAmountFen" = r."techAmountFen" + EXCLUDED."techAmountFen";
  END LOOP;
END
$$;

CREATE FUNCTION contract_rollup_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM contract_rollup_apply(OLD, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM contract_rollup_apply(NEW, 1);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER contract_rollup AFTER INSERT OR UPDATE OR DELETE ON "Contract"
  FOR EACH ROW EXECUTE FUNCTION contract_rollup_trigger();

-- Recomputes the whole rollup from "Contract" in one pass (after a bulk load with the trigger
-- disabled, or to check it): the same rules as contract_rollup_apply, set-based.
CREATE FUNCTION contract_rollup_rebuild() RETURNS void LANGUAGE sql AS $$
  DELETE FROM "ContractRollup";
  INSERT INTO "ContractRollup"
    ("year", "month", "side", "areaId", "inZone", "bucket", "dim", "key", "contracts", "amountFen", "techAmountFen")
  SELECT extract(year FROM c."signedOn")::integer, extract(month FROM c."signedOn")::integer, s.side,
         coalesce(c."areaId", ''), c."inDevelopmentZone", contract_bucket(c."status"::text), d.dim, d.key,
         count(*)::integer, sum(c."amountFen")::bigint, sum(c."techAmountFen")::bigint
  FROM "Contract" c
  CROSS JOIN LATERAL (VALUES
    ('OUTFLOW', c."sellerRegionCode" = '120115', contract_region_group(c."buyerRegionCode")),
    ('INFLOW', c."buyerRegionCode" = '120115', contract_region_group(c."sellerRegionCode")),
    ('BOTH', c."sellerRegionCode" = '120115' OR c."buyerRegionCode" = '120115',
      CASE WHEN c."sellerRegionCode" = '120115' THEN contract_region_group(c."buyerRegionCode")
           ELSE contract_region_group(c."sellerRegionCode") END)
  ) AS s(side, applies, cp)
  CROSS JOIN LATERAL (VALUES
    ('all', ''),
    ('type', c."type"::text),
    ('field', coalesce(c."fieldCode", '')),
    ('counterpart', s.cp),
    ('seller', coalesce(c."sellerOrgId", 'name:' || c."sellerName")),
    ('buyer', coalesce(c."buyerOrgId", 'name:' || c."buyerName"))
  ) AS d(dim, key)
  WHERE s.applies AND contract_bucket(c."status"::text) IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
$$;

SELECT contract_rollup_rebuild();
