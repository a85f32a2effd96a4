-- The SQL the Sales service runs for GET /api/v1/contacts (EF Core -> Npgsql), as PostgreSQL received it.
-- Captured by bench/contacts-list.sh (log_statement = 'all' on its own PostgreSQL while it replayed each list
-- request once through the gateway), at commit b462666; rewritten on every run, so `git diff` shows when
-- the service's SQL changed. The benchmark runs these with each request's parameters inlined, one pgbench
-- transaction per request.

-- statement 1, first seen for ?q=&sort=name&page=1&page_size=50
SELECT list_count_generation() AS "Value";

-- statement 2, first seen for ?q=&sort=name&page=1&page_size=50
-- parameters: $1 = '50', $2 = '0'
SELECT c.id AS "Id", c.first_name AS "FirstName", c.last_name AS "LastName", btrim(COALESCE(c.first_name, '') || ' ' || c.last_name, E' \t\n\r') AS "Name", c.title AS "Title", c.email AS "Email", c.phone AS "Phone", c.account_id AS "AccountId", a.name AS "AccountName", c.owner_id AS "OwnerId", c.owner_name AS "OwnerName", c.created_at AS "CreatedAt", c.version AS "Version"
	FROM contacts AS c
	INNER JOIN accounts AS a ON c.account_id = a.id
	WHERE c.is_active
	ORDER BY lower(c.last_name), c.id
	LIMIT $1 OFFSET $2;

-- statement 3, first seen for ?q=&sort=-name&page=1&page_size=50
-- parameters: $1 = '50', $2 = '0'
SELECT c.id AS "Id", c.first_name AS "FirstName", c.last_name AS "LastName", btrim(COALESCE(c.first_name, '') || ' ' || c.last_name, E' \t\n\r') AS "Name", c.title AS "Title", c.email AS "Email", c.phone AS "Phone", c.account_id AS "AccountId", a.name AS "AccountName", c.owner_id AS "OwnerId", c.owner_name AS "OwnerName", c.created_at AS "CreatedAt", c.version AS "Version"
	FROM contacts AS c
	INNER JOIN accounts AS a ON c.account_id = a.id
	WHERE c.is_active
	ORDER BY lower(c.last_name) DESC, c.id
	LIMIT $1 OFFSET $2;

-- statement 4, first seen for ?q=&sort=account_name&page=1&page_size=50
-- parameters: $1 = '50', $2 = '0'
SELECT c.id AS "Id", c.first_name AS "FirstName", c.last_name AS "LastName", btrim(COALESCE(c.first_name, '') || ' ' || c.last_name, E' \t\n\r') AS "Name", c.title AS "Title", c.email AS "Email", c.phone AS "Phone", c.account_id AS "AccountId", a.name AS "AccountName", c.owner_id AS "OwnerId", c.owner_name AS "OwnerName", c.created_at AS "CreatedAt", c.version AS "Version"
	FROM contacts AS c
	INNER JOIN accounts AS a ON c.account_id = a.id
	WHERE c.is_active
	ORDER BY lower(a.name), c.id
	LIMIT $1 OFFSET $2;

-- statement 5, first seen for ?q=&sort=email&page=1&page_size=50
-- parameters: $1 = '50', $2 = '0'
SELECT c.id AS "Id", c.first_name AS "FirstName", c.last_name AS "LastName", btrim(COALESCE(c.first_name, '') || ' ' || c.last_name, E' \t\n\r') AS "Name", c.title AS "Title", c.email AS "Email", c.phone AS "Phone", c.account_id AS "AccountId", a.name AS "AccountName", c.owner_id AS "OwnerId", c.owner_name AS "OwnerName", c.created_at AS "CreatedAt", c.version AS "Version"
	FROM contacts AS c
	INNER JOIN accounts AS a ON c.account_id = a.id
	WHERE c.is_active
	ORDER BY c.email, c.id
	LIMIT $1 OFFSET $2;

-- statement 6, first seen for ?q=&sort=owner&page=1&page_size=50
-- parameters: $1 = '50', $2 = '0'
SELECT c.id AS "Id", c.first_name AS "FirstName", c.last_name AS "LastName", btrim(COALESCE(c.first_name, '') || ' ' || c.last_name, E' \t\n\r') AS "Name", c.title AS "Title", c.email AS "Email", c.phone AS "Phone", c.account_id AS "AccountId", a.name AS "AccountName", c.owner_id AS "OwnerId", c.owner_name AS "OwnerName", c.created_at AS "CreatedAt", c.version AS "Version"
	FROM contacts AS c
	INNER JOIN accounts AS a ON c.account_id = a.id
	WHERE c.is_active
	ORDER BY c.owner_name, c.id
	LIMIT $1 OFFSET $2;

-- statement 7, first seen for ?q=&sort=created_at&page=1&page_size=50
-- parameters: $1 = '50', $2 = '0'
SELECT c.id AS "Id", c.first_name AS "FirstName", c.last_name AS "LastName", btrim(COALESCE(c.first_name, '') || ' ' || c.last_name, E' \t\n\r') AS "Name", c.title AS "Title", c.email AS "Email", c.phone AS "Phone", c.account_id AS "AccountId", a.name AS "AccountName", c.owner_id AS "OwnerId", c.owner_name AS "OwnerName", c.created_at AS "CreatedAt", c.version AS "Version"
	FROM contacts AS c
	INNER JOIN accounts AS a ON c.account_id = a.id
	WHERE c.is_active
	ORDER BY c.created_at, c.id
	LIMIT $1 OFFSET $2;

-- statement 8, first seen for ?q=an&sort=name&page=1&page_size=50
-- parameters: $1 = '%an%', $2 = '50', $3 = '0'
SELECT c.id AS "Id", c.first_name AS "FirstName", c.last_name AS "LastName", btrim(COALESCE(c.first_name, '') || ' ' || c.last_name, E' \t\n\r') AS "Name", c.title AS "Title", c.email AS "Email", c.phone AS "Phone", c.account_id AS "AccountId", a.name AS "AccountName", c.owner_id AS "OwnerId", c.owner_name AS "OwnerName", c.created_at AS "CreatedAt", c.version AS "Version"
	FROM contacts AS c
	INNER JOIN accounts AS a ON c.account_id = a.id
	WHERE c.is_active AND c.search_text LIKE $1 ESCAPE '\'
	ORDER BY lower(c.last_name), c.id
	LIMIT $2 OFFSET $3;

-- statement 9, first seen for ?q=an&sort=-name&page=1&page_size=50
-- parameters: $1 = '%an%', $2 = '50', $3 = '0'
SELECT c.id AS "Id", c.first_name AS "FirstName", c.last_name AS "LastName", btrim(COALESCE(c.first_name, '') || ' ' || c.last_name, E' \t\n\r') AS "Name", c.title AS "Title", c.email AS "Email", c.phone AS "Phone", c.account_id AS "AccountId", a.name AS "AccountName", c.owner_id AS "OwnerId", c.owner_name AS "OwnerName", c.created_at AS "CreatedAt", c.version AS "Version"
	FROM contacts AS c
	INNER JOIN accounts AS a ON c.account_id = a.id
	WHERE c.is_active AND c.search_text LIKE $1 ESCAPE '\'
	ORDER BY lower(c.last_name) DESC, c.id
	LIMIT $2 OFFSET $3;

-- statement 10, first seen for ?q=an&sort=account_name&page=1&page_size=50
-- parameters: $1 = '%an%', $2 = '50', $3 = '0'
SELECT c.id AS "Id", c.first_name AS "FirstName", c.last_name AS "LastName", btrim(COALESCE(c.first_name, '') || ' ' || c.last_name, E' \t\n\r') AS "Name", c.title AS "Title", c.email AS "Email", c.phone AS "Phone", c.account_id AS "AccountId", a.name AS "AccountName", c.owner_id AS "OwnerId", c.owner_name AS "OwnerName", c.created_at AS "CreatedAt", c.version AS "Version"
	FROM contacts AS c
	INNER JOIN accounts AS a ON c.account_id = a.id
	WHERE c.is_active AND c.search_text LIKE $1 ESCAPE '\'
	ORDER BY lower(a.name), c.id
	LIMIT $2 OFFSET $3;

-- statement 11, first seen for ?q=an&sort=email&page=1&page_size=50
-- parameters: $1 = '%an%', $2 = '50', $3 = '0'
SELECT c.id AS "Id", c.first_name AS "FirstName", c.last_name AS "LastName", btrim(COALESCE(c.first_name, '') || ' ' || c.last_name, E' \t\n\r') AS "Name", c.title AS "Title", c.email AS "Email", c.phone AS "Phone", c.account_id AS "AccountId", a.name AS "AccountName", c.owner_id AS "OwnerId", c.owner_name AS "OwnerName", c.created_at AS "CreatedAt", c.version AS "Version"
	FROM contacts AS c
	INNER JOIN accounts AS a ON c.account_id = a.id
	WHERE c.is_active AND c.search_text LIKE $1 ESCAPE '\'
	ORDER BY c.email, c.id
	LIMIT $2 OFFSET $3;

-- statement 12, first seen for ?q=an&sort=owner&page=1&page_size=50
-- parameters: $1 = '%an%', $2 = '50', $3 = '0'
SELECT c.id AS "Id", c.first_name AS "FirstName", c.last_name AS "LastName", btrim(COALESCE(c.first_name, '') || ' ' || c.last_name, E' \t\n\r') AS "Name", c.title AS "Title", c.email AS "Email", c.phone AS "Phone", c.account_id AS "AccountId", a.name AS "AccountName", c.owner_id AS "OwnerId", c.owner_name AS "OwnerName", c.created_at AS "CreatedAt", c.version AS "Version"
	FROM contacts AS c
	INNER JOIN accounts AS a ON c.account_id = a.id
	WHERE c.is_active AND c.search_text LIKE $1 ESCAPE '\'
	ORDER BY c.owner_name, c.id
	LIMIT $2 OFFSET $3;

-- statement 13, first seen for ?q=an&sort=created_at&page=1&page_size=50
-- parameters: $1 = '%an%', $2 = '50', $3 = '0'
SELECT c.id AS "Id", c.first_name AS "FirstName", c.last_name AS "LastName", btrim(COALESCE(c.first_name, '') || ' ' || c.last_name, E' \t\n\r') AS "Name", c.title AS "Title", c.email AS "Email", c.phone AS "Phone", c.account_id AS "AccountId", a.name AS "AccountName", c.owner_id AS "OwnerId", c.owner_name AS "OwnerName", c.created_at AS "CreatedAt", c.version AS "Version"
	FROM contacts AS c
	INNER JOIN accounts AS a ON c.account_id = a.id
	WHERE c.is_active AND c.search_text LIKE $1 ESCAPE '\'
	ORDER BY c.created_at, c.id
	LIMIT $2 OFFSET $3;

-- statement 14, first seen for ?q=jo&sort=created_at&page=1&page_size=50
-- parameters: $1 = '%jo%', $2 = '50', $3 = '0'
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

-- statement 15, first seen for ?q=ber&sort=name&page=1&page_size=50
-- parameters: $1 = '%ber%', $2 = '50', $3 = '0'
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

-- statement 16, first seen for ?q=ber&sort=-name&page=1&page_size=50
-- parameters: $1 = '%ber%', $2 = '50', $3 = '0'
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

-- statement 17, first seen for ?q=ber&sort=account_name&page=1&page_size=50
-- parameters: $1 = '%ber%', $2 = '50', $3 = '0'
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

-- statement 18, first seen for ?q=ber&sort=email&page=1&page_size=50
-- parameters: $1 = '%ber%', $2 = '50', $3 = '0'
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

-- statement 19, first seen for ?q=ber&sort=owner&page=1&page_size=50
-- parameters: $1 = '%ber%', $2 = '50', $3 = '0'
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

-- statement 20, first seen for ?q=&sort=name&page=400&page_size=50
-- parameters: $1 = '50', $2 = '19950'
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

-- statement 21, first seen for ?q=&sort=-name&page=400&page_size=50
-- parameters: $1 = '50', $2 = '19950'
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

-- statement 22, first seen for ?q=&sort=account_name&page=400&page_size=50
-- parameters: $1 = '50', $2 = '19950'
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

-- statement 23, first seen for ?q=&sort=email&page=400&page_size=50
-- parameters: $1 = '50', $2 = '19950'
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

-- statement 24, first seen for ?q=&sort=owner&page=400&page_size=50
-- parameters: $1 = '50', $2 = '19950'
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

-- statement 25, first seen for ?q=&sort=created_at&page=400&page_size=50
-- parameters: $1 = '50', $2 = '19950'
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

