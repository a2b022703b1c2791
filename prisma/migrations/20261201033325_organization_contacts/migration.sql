-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "contactEmail" TEXT,
ADD COLUMN     "contactName" TEXT,
ADD COLUMN     "contactPhone" TEXT;

-- The first admin of each organization is its contact person until the organization names one.
UPDATE "Organization" o
SET "contactName" = u."name", "contactEmail" = u."email", "contactPhone" = u."phone"
FROM (
  SELECT DISTINCT ON (m."organizationId") m."organizationId", usr."name", usr."email", usr."phone"
  FROM "Membership" m JOIN "User" usr ON usr."id" = m."userId"
  WHERE m."role" IN ('ENTERPRISE_ADMIN', 'TTO_ADMIN')
  ORDER BY m."organizationId", m."createdAt"
) u
WHERE u."organizationId" = o."id";
