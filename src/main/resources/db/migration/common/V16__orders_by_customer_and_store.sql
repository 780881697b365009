-- the order picker of a store conversation lists one customer's orders at one store, newest first
CREATE INDEX orders_customer_store ON orders (customer_id, store_id, created_at);
