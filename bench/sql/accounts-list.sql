-- The SQL the Sales service runs for GET /api/v1/accounts (EF Core -> Npgsql), as PostgreSQL received it.
-- Captured by bench/accounts-list.sh (log_statement = 'all' on its own PostgreSQL while it replayed each list
-- request once through the gateway), at commit e2bcfe4; rewritten on every run, so `git diff` shows when
-- the service's SQL changed. The benchmark runs these with each request's parameters inlined, one pgbench
-- transaction per request.

-- statement 1, first seen for ?q=&sort=name&page=1&page_size=50
SELECT list_count_generation() AS "Value";

-- statement 2, first seen for ?q=&sort=name&page=1&page_size=50
-- parameters: $1 = '50', $2 = '0'
SELECT a.id AS "Id", a.name AS "Name", a.phone AS "Phone", a.website AS "Website", a.type AS "Type", a.owner_id AS "OwnerId", a.owner_name AS "OwnerName", a.created_at AS "CreatedAt", a.updated_at AS "UpdatedAt", a.version AS "Version"
	FROM accounts AS a
	WHERE a.is_active
	ORDER BY lower(a.name), a.id
	LIMIT $1 OFFSET $2;

-- statement 3, first seen for ?q=&sort=-name&page=1&page_size=50
-- parameters: $1 = '50', $2 = '0'
SELECT a.id AS "Id", a.name AS "Name", a.phone AS "Phone", a.website AS "Website", a.type AS "Type", a.owner_id AS "OwnerId", a.owner_name AS "OwnerName", a.created_at AS "CreatedAt", a.updated_at AS "UpdatedAt", a.version AS "Version"
	FROM accounts AS a
	WHERE a.is_active
	ORDER BY lower(a.name) DESC, a.id
	LIMIT $1 OFFSET $2;

-- statement 4, first seen for ?q=&sort=phone&page=1&page_size=50
-- parameters: $1 = '50', $2 = '0'
SELECT a.id AS "Id", a.name AS "Name", a.phone AS "Phone", a.website AS "Website", a.type AS "Type", a.owner_id AS "OwnerId", a.owner_name AS "OwnerName", a.created_at AS "CreatedAt", a.updated_at AS "UpdatedAt", a.version AS "Version"
	FROM accounts AS a
	WHERE a.is_active
	ORDER BY a.phone, a.id
	LIMIT $1 OFFSET $2;

-- statement 5, first seen for ?q=&sort=owner&page=1&page_size=50
-- parameters: $1 = '50', $2 = '0'
SELECT a.id AS "Id", a.name AS "Name", a.phone AS "Phone", a.website AS "Website", a.type AS "Type", a.owner_id AS "OwnerId", a.owner_name AS "OwnerName", a.created_at AS "CreatedAt", a.updated_at AS "UpdatedAt", a.version AS "Version"
	FROM accounts AS a
	WHERE a.is_active
	ORDER BY a.owner_name, a.id
	LIMIT $1 OFFSET $2;

-- statement 6, first seen for ?q=&sort=created_at&page=1&page_size=50
-- parameters: $1 = '50', $2 = '0'
SELECT a.id AS "Id", a.name AS "Name", a.phone AS "Phone", a.website AS "Website", a.type AS "Type", a.owner_id AS "OwnerId", a.owner_name AS "OwnerName", a.created_at AS "CreatedAt", a.updated_at AS "UpdatedAt", a.version AS "Version"
	FROM accounts AS a
	WHERE a.is_active
	ORDER BY a.created_at, a.id
	LIMIT $1 OFFSET $2;

-- statement 7, first seen for ?q=an&sort=name&page=1&page_size=50
-- parameters: $1 = '%an%', $2 = '50', $3 = '0'
SELECT a.id AS "Id", a.name AS "Name", a.phone AS "Phone", a.website AS "Website", a.type AS "Type", a.owner_id AS "OwnerId", a.owner_name AS "OwnerName", a.created_at AS "CreatedAt", a.updated_at AS "UpdatedAt", a.version AS "Version"
	FROM accounts AS a
	WHERE a.is_active AND a.search_text LIKE $1 ESCAPE '\'
	ORDER BY lower(a.name), a.id
	LIMIT $2 OFFSET $3;

-- statement 8, first seen for ?q=an&sort=-name&page=1&page_size=50
-- parameters: $1 = '%an%', $2 = '50', $3 = '0'
SELECT a.id AS "Id", a.name AS "Name", a.phone AS "Phone", a.website AS "Website", a.type AS "Type", a.owner_id AS "OwnerId", a.owner_name AS "OwnerName", a.created_at AS "CreatedAt", a.updated_at AS "UpdatedAt", a.version AS "Version"
	FROM accounts AS a
	WHERE a.is_active AND a.search_text LIKE $1 ESCAPE '\'
	ORDER BY lower(a.name) DESC, a.id
	LIMIT $2 OFFSET $3;

-- statement 9, first seen for ?q=an&sort=phone&page=1&page_size=50
-- parameters: $1 = '%an%', $2 = '50', $3 = '0'
SELECT a.id AS "Id", a.name AS "Name", a.phone AS "Phone", a.website AS "Website", a.type AS "Type", a.owner_id AS "OwnerId", a.owner_name AS "OwnerName", a.created_at AS "CreatedAt", a.updated_at AS "UpdatedAt", a.version AS "Version"
	FROM accounts AS a
	WHERE a.is_active AND a.search_text LIKE $1 ESCAPE '\'
	ORDER BY a.phone, a.id
	LIMIT $2 OFFSET $3;

-- statement 10, first seen for ?q=an&sort=owner&page=1&page_size=50
-- parameters: $1 = '%an%', $2 = '50', $3 = '0'
SELECT a.id AS "Id", a.name AS "Name", a.phone AS "Phone", a.website AS "Website", a.type AS "Type", a.owner_id AS "OwnerId", a.owner_name AS "OwnerName", a.created_at AS "CreatedAt", a.updated_at AS "UpdatedAt", a.version AS "Version"
	FROM accounts AS a
	WHERE a.is_active AND a.search_text LIKE $1 ESCAPE '\'
	ORDER BY a.owner_name, a.id
	LIMIT $2 OFFSET $3;

-- statement 11, first seen for ?q=an&sort=created_at&page=1&page_size=50
-- parameters: $1 = '%an%', $2 = '50', $3 = '0'
SELECT a.id AS "Id", a.name AS "Name", a.phone AS "Phone", a.website AS "Website", a.type AS "Type", a.owner_id AS "OwnerId", a.owner_name AS "OwnerName", a.created_at AS "CreatedAt", a.updated_at AS "UpdatedAt", a.version AS "Version"
	FROM accounts AS a
	WHERE a.is_active AND a.search_text LIKE $1 ESCAPE '\'
	ORDER BY a.created_at, a.id
	LIMIT $2 OFFSET $3;

-- statement 12, first seen for ?q=55&sort=owner&page=1&page_size=50
-- parameters: $1 = '%55%', $2 = '50', $3 = '0'
SELECT (
	    SELECT count(*)::int
	    FROM accounts AS a0
	    WHERE a0.is_active AND a0.search_text LIKE $1 ESCAPE '\'), a.id, a.name, a.phone, a.website, a.type, a.owner_id, a.owner_name, a.created_at, a.updated_at, a.version
	FROM accounts AS a
	WHERE a.is_active AND a.search_text LIKE $1 ESCAPE '\'
	ORDER BY a.owner_name, a.id
	LIMIT $2 OFFSET $3;

-- statement 13, first seen for ?q=55&sort=created_at&page=1&page_size=50
-- parameters: $1 = '%55%', $2 = '50', $3 = '0'
SELECT (
	    SELECT count(*)::int
	    FROM accounts AS a0
	    WHERE a0.is_active AND a0.search_text LIKE $1 ESCAPE '\'), a.id, a.name, a.phone, a.website, a.type, a.owner_id, a.owner_name, a.created_at, a.updated_at, a.version
	FROM accounts AS a
	WHERE a.is_active AND a.search_text LIKE $1 ESCAPE '\'
	ORDER BY a.created_at, a.id
	LIMIT $2 OFFSET $3;

-- statement 14, first seen for ?q=&sort=name&page=200&page_size=50
-- parameters: $1 = '50', $2 = '9950'
SELECT (
	    SELECT count(*)::int
	    FROM accounts AS a0
	    WHERE a0.is_active), a.id, a.name, a.phone, a.website, a.type, a.owner_id, a.owner_name, a.created_at, a.updated_at, a.version
	FROM accounts AS a
	WHERE a.is_active
	ORDER BY lower(a.name), a.id
	LIMIT $1 OFFSET $2;

-- statement 15, first seen for ?q=&sort=-name&page=200&page_size=50
-- parameters: $1 = '50', $2 = '9950'
SELECT (
	    SELECT count(*)::int
	    FROM accounts AS a0
	    WHERE a0.is_active), a.id, a.name, a.phone, a.website, a.type, a.owner_id, a.owner_name, a.created_at, a.updated_at, a.version
	FROM accounts AS a
	WHERE a.is_active
	ORDER BY lower(a.name) DESC, a.id
	LIMIT $1 OFFSET $2;

-- statement 16, first seen for ?q=&sort=phone&page=200&page_size=50
-- parameters: $1 = '50', $2 = '9950'
SELECT (
	    SELECT count(*)::int
	    FROM accounts AS a0
	    WHERE a0.is_active), a.id, a.name, a.phone, a.website, a.type, a.owner_id, a.owner_name, a.created_at, a.updated_at, a.version
	FROM accounts AS a
	WHERE a.is_active
	ORDER BY a.phone, a.id
	LIMIT $1 OFFSET $2;

-- statement 17, first seen for ?q=&sort=owner&page=200&page_size=50
-- parameters: $1 = '50', $2 = '9950'
SELECT (
	    SELECT count(*)::int
	    FROM accounts AS a0
	    WHERE a0.is_active), a.id, a.name, a.phone, a.website, a.type, a.owner_id, a.owner_name, a.created_at, a.updated_at, a.version
	FROM accounts AS a
	WHERE a.is_active
	ORDER BY a.owner_name, a.id
	LIMIT $1 OFFSET $2;

-- statement 18, first seen for ?q=&sort=created_at&page=200&page_size=50
-- parameters: $1 = '50', $2 = '9950'
SELECT (
	    SELECT count(*)::int
	    FROM accounts AS a0
	    WHERE a0.is_active), a.id, a.name, a.phone, a.website, a.type, a.owner_id, a.owner_name, a.created_at, a.updated_at, a.version
	FROM accounts AS a
	WHERE a.is_active
	ORDER BY a.created_at, a.id
	LIMIT $1 OFFSET $2;

