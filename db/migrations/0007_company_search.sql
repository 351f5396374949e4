-- Sök certifierade företag leaves out the companies not approved (pending and refused
-- registrations, few) by listing them from this small index once per search, instead of looking
-- up every matching company in companies.
CREATE INDEX `companies_not_approved` ON `companies` (`id`,`status`) WHERE "companies"."status" <> 'approved';