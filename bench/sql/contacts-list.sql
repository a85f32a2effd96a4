-- The SQL the Sales service runs for GET /api/v1/contacts (EF Core -> Npgsql), as PostgreSQL received it.
-- Captured by bench/contacts-list.sh (log_statement = 'all' on its own PostgreSQL while it replayed each list
-- request once through the gateway), at commit a12c8a9; rewritten on every run, so `git diff` shows when
-- the service's SQL changed. The benchmark runs these with each request's parameters inlined, one pgbench
-- transaction per request.

-- statement 1, first seen for ?q=&sort=name&page=1&page_size=50
-- parameters: $1 = '50', $2 = '0'
SELECT (
	    SELECT count(*)::int
	    FROM contacts AS c0
	    INNER JOIN accounts AS a0 ON c0.account_id = a0.id
	    WHERE c0.is_active), c.id, c.first_name, c.last_name, btrim(COALESCE(c.first_name, '') || ' ' || c.last_name, E' \t\n\r'), c.title, c.email, c.phone, c.account_id, a.name, c.owner_id, c.owner_name, c.created_at, c.version
	FROM contacts AS c
	INNER JOIN accounts AS a ON c.account_id = a.id
	WHERE c.is_active
	ORDER BY lower(c.last_name), c.id
	LIMIT $1 OFFSET $2;

-- statement 2, first seen for ?q=&sort=-name&page=1&page_size=50
-- parameters: $1 = '50', $2 = '0'
SELECT (
	    SELECT count(*)::int
	    FROM contacts AS c0
	    INNER JOIN accounts AS a0 ON c0.account_id = a0.id
	    WHERE c0.is_active), c.id, c.first_name, c.last_name, btrim(COALESCE(c.first_name, '') || ' ' || c.last_name, E' \t\n\r'), c.title, c.email, c.phone, c.account_id, a.name, c.owner_id, c.owner_name, c.created_at, c.version
	FROM contacts AS c
	INNER JOIN accounts AS a ON c.account_id = a.id
	WHERE c.is_active
	ORDER BY lower(c.last_name) DESC, c.id
	LIMIT $1 OFFSET $2;

-- statement 3, first seen for ?q=&sort=account_name&page=1&page_size=50
-- parameters: $1 = '50', $2 = '0'
SELECT (
	    SELECT count(*)::int
	    FROM contacts AS c0
	    INNER JOIN accounts AS a0 ON c0.account_id = a0.id
	    WHERE c0.is_active), c.id, c.first_name, c.last_name, btrim(COALESCE(c.first_name, '') || ' ' || c.last_name, E' \t\n\r'), c.title, c.email, c.phone, c.account_id, a.name, c.owner_id, c.owner_name, c.created_at, c.version
	FROM contacts AS c
	INNER JOIN accounts AS a ON c.account_id = a.id
	WHERE c.is_active
	ORDER BY lower(a.name), c.id
	LIMIT $1 OFFSET $2;

-- statement 4, first seen for ?q=&sort=email&page=1&page_size=50
-- parameters: $1 = '50', $2 = '0'
SELECT (
	    SELECT count(*)::int
	    FROM contacts AS c0
	    INNER JOIN accounts AS a0 ON c0.account_id = a0.id
	    WHERE c0.is_active), c.id, c.first_name, c.last_name, btrim(COALESCE(c.first_name, '') || ' ' || c.last_name, E' \t\n\r'), c.title, c.email, c.phone, c.account_id, a.name, c.owner_id, c.owner_name, c.created_at, c.version
	FROM contacts AS c
	INNER JOIN accounts AS a ON c.account_id = a.id
	WHERE c.is_active
	ORDER BY c.email, c.id
	LIMIT $1 OFFSET $2;

-- statement 5, first seen for ?q=&sort=owner&page=1&page_size=50
-- parameters: $1 = '50', $2 = '0'
SELECT (
	    SELECT count(*)::int
	    FROM contacts AS c0
	    INNER JOIN accounts AS a0 ON c0.account_id = a0.id
	    WHERE c0.is_active), c.id, c.first_name, c.last_name, btrim(COALESCE(c.first_name, '') || ' ' || c.last_name, E' \t\n\r'), c.title, c.email, c.phone, c.account_id, a.name, c.owner_id, c.owner_name, c.created_at, c.version
	FROM contacts AS c
	INNER JOIN accounts AS a ON c.account_id = a.id
	WHERE c.is_active
	ORDER BY c.owner_name, c.id
	LIMIT $1 OFFSET $2;

-- statement 6, first seen for ?q=&sort=created_at&page=1&page_size=50
-- parameters: $1 = '50', $2 = '0'
SELECT (
	    SELECT count(*)::int
	    FROM contacts AS c0
	    INNER JOIN accounts AS a0 ON c0.account_id = a0.id
	    WHERE c0.is_active), c.id, c.first_name, c.last_name, btrim(COALESCE(c.first_name, '') || ' ' || c.last_name, E' \t\n\r'), c.title, c.email, c.phone, c.account_id, a.name, c.owner_id, c.owner_name, c.created_at, c.version
	FROM contacts AS c
	INNER JOIN accounts AS a ON c.account_id = a.id
	WHERE c.is_active
	ORDER BY c.created_at, c.id
	LIMIT $1 OFFSET $2;

-- statement 7, first seen for ?q=an&sort=name&page=1&page_size=50
-- parameters: $1 = '%an%', $2 = '50', $3 = '0'
SELECT (
	    SELECT count(*)::int
	    FROM contacts AS c0
	    INNER JOIN accounts AS a0 ON c0.account_id = a0.id
	    WHERE c0.is_active AND c0.search_text LIKE $1 ESCAPE '\'), c.id, c.first_name, c.last_name, btrim(COALESCE(c.first_name, '') || ' ' || c.last_name, E' \t\n\r'), c.title, c.email, c.phone, c.account_id, a.name, c.owner_id, c.owner_name, c.created_at, c.version
	FROM contacts AS c
	INNER JOIN accounts AS a ON c.account_id = a.id
	WHERE c.is_active AND c.search_text LIKE $1 ESCAPE '\'
	ORDER BY lower(c.last_name), c.id
	LIMIT $2 OFFSET $3;

-- statement 8, first seen for ?q=an&sort=-name&page=1&page_size=50
-- parameters: $1 = '%an%', $2 = '50', $3 = '0'
SELECT (
	    SELECT count(*)::int
	    FROM contacts AS c0
	    INNER JOIN accounts AS a0 ON c0.account_id = a0.id
	    WHERE c0.is_active AND c0.search_text LIKE $1 ESCAPE '\'), c.id, c.first_name, c.last_name, btrim(COALESCE(c.first_name, '') || ' ' || c.last_name, E' \t\n\r'), c.title, c.email, c.phone, c.account_id, a.name, c.owner_id, c.owner_name, c.created_at, c.version
	FROM contacts AS c
	INNER JOIN accounts AS a ON c.account_id = a.id
	WHERE c.is_active AND c.search_text LIKE $1 ESCAPE '\'
	ORDER BY lower(c.last_name) DESC, c.id
	LIMIT $2 OFFSET $3;

-- statement 9, first seen for ?q=an&sort=account_name&page=1&page_size=50
-- parameters: $1 = '%an%', $2 = '50', $3 = '0'
SELECT (
	    SELECT count(*)::int
	    FROM contacts AS c0
	    INNER JOIN accounts AS a0 ON c0.account_id = a0.id
	    WHERE c0.is_active AND c0.search_text LIKE $1 ESCAPE '\'), c.id, c.first_name, c.last_name, btrim(COALESCE(c.first_name, '') || ' ' || c.last_name, E' \t\n\r'), c.title, c.email, c.phone, c.account_id, a.name, c.owner_id, c.owner_name, c.created_at, c.version
	FROM contacts AS c
	INNER JOIN accounts AS a ON c.account_id = a.id
	WHERE c.is_active AND c.search_text LIKE $1 ESCAPE '\'
	ORDER BY lower(a.name), c.id
	LIMIT $2 OFFSET $3;

-- statement 10, first seen for ?q=an&sort=email&page=1&page_size=50
-- parameters: $1 = '%an%', $2 = '50', $3 = '0'
SELECT (
	    SELECT count(*)::int
	    FROM contacts AS c0
	    INNER JOIN accounts AS a0 ON c0.account_id = a0.id
	    WHERE c0.is_active AND c0.search_text LIKE $1 ESCAPE '\'), c.id, c.first_name, c.last_name, btrim(COALESCE(c.first_name, '') || ' ' || c.last_name, E' \t\n\r'), c.title, c.email, c.phone, c.account_id, a.name, c.owner_id, c.owner_name, c.created_at, c.version
	FROM contacts AS c
	INNER JOIN accounts AS a ON c.account_id = a.id
	WHERE c.is_active AND c.search_text LIKE $1 ESCAPE '\'
	ORDER BY c.email, c.id
	LIMIT $2 OFFSET $3;

-- statement 11, first seen for ?q=an&sort=owner&page=1&page_size=50
-- parameters: $1 = '%an%', $2 = '50', $3 = '0'
SELECT (
	    SELECT count(*)::int
	    FROM contacts AS c0
	    INNER JOIN accounts AS a0 ON c0.account_id = a0.id
	    WHERE c0.is_active AND c0.search_text LIKE $1 ESCAPE '\'), c.id, c.first_name, c.last_name, btrim(COALESCE(c.first_name, '') || ' ' || c.last_name, E' \t\n\r'), c.title, c.email, c.phone, c.account_id, a.name, c.owner_id, c.owner_name, c.created_at, c.version
	FROM contacts AS c
	INNER JOIN accounts AS a ON c.account_id = a.id
	WHERE c.is_active AND c.search_text LIKE $1 ESCAPE '\'
	ORDER BY c.owner_name, c.id
	LIMIT $2 OFFSET $3;

-- statement 12, first seen for ?q=an&sort=created_at&page=1&page_size=50
-- parameters: $1 = '%an%', $2 = '50', $3 = '0'
SELECT (
	    SELECT count(*)::int
	    FROM contacts AS c0
	    INNER JOIN accounts AS a0 ON c0.account_id = a0.id
	    WHERE c0.is_active AND c0.search_text LIKE $1 ESCAPE '\'), c.id, c.first_name, c.last_name, btrim(COALESCE(c.first_name, '') || ' ' || c.last_name, E' \t\n\r'), c.title, c.email, c.phone, c.account_id, a.name, c.owner_id, c.owner_name, c.created_at, c.version
	FROM contacts AS c
	INNER JOIN accounts AS a ON c.account_id = a.id
	WHERE c.is_active AND c.search_text LIKE $1 ESCAPE '\'
	ORDER BY c.created_at, c.id
	LIMIT $2 OFFSET $3;

