-- The name two organizations may not share: full-width forms folded to half-width (NFKC), white
-- space removed, letters lower-cased, and 有限责任公司 read as 有限公司. The one home of that rule;
-- registration compares through it (app/models/accounts.server.ts).
CREATE FUNCTION org_name_key(name text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN lower(regexp_replace(replace(normalize(name, NFKC), '有限责任公司', '有限公司'), '\s', '', 'g'));

CREATE INDEX "Organization_name_key_idx" ON "Organization" (org_name_key("name"));
