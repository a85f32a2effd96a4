-- The receivables report and the orders list's balance_due / aging filters: an order's total and what is
-- paid on it are summed per order, from the indexes alone.
CREATE INDEX ix_order_line_items_order_amount ON order_line_items (order_id) INCLUDE (quantity, price_at_purchase);
CREATE INDEX ix_payments_completed_order ON payments (order_id) INCLUDE (amount) WHERE status = 'Completed';

-- Orders that can owe anything, by order date: the aging buckets are ranges of it.
CREATE INDEX ix_orders_open_order_date ON orders (order_date, number) INCLUDE (account_id) WHERE status <> 'Cancelled';
