-- The migration user with only what a managed cloud database grants, and a small sample database.
CREATE USER 'ferry'@'%' IDENTIFIED BY 'ferry-password';
GRANT SELECT, REPLICATION SLAVE, REPLICATION CLIENT, SHOW VIEW, TRIGGER ON *.* TO 'ferry'@'%';

CREATE DATABASE shop CHARACTER SET utf8mb4;
CREATE TABLE shop.customers (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, email VARCHAR(120) NOT NULL UNIQUE,
  name VARCHAR(100), balance DECIMAL(12,2) NOT NULL DEFAULT 0, created_at DATETIME(3) NOT NULL);
CREATE TABLE shop.orders (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, customer_id INT NOT NULL,
  total DECIMAL(14,4) NOT NULL, placed_at TIMESTAMP(6) NULL,
  CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES shop.customers (id));
INSERT INTO shop.customers (email, name, balance, created_at) VALUES
  ('ada@example.com', 'Ada', 10.50, NOW(3)), ('grace@example.com', 'Grace', 0, NOW(3)), ('zoe@example.com', 'Zoë ☕', 99.99, NOW(3));
INSERT INTO shop.orders (customer_id, total, placed_at) VALUES (1, 12.5000, NOW(6)), (3, 7.2500, NOW(6));
