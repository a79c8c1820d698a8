-- The language an account chose with the site menu's 中文 / English switch (a BCP 47 tag: zh-CN or en);
-- NULL until it chooses, and then the browser's Accept-Language decides (security.AccountLocaleResolver).
ALTER TABLE account ADD COLUMN ui_language VARCHAR(16) NULL;
