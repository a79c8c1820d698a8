package cn.shixun.security;

import java.util.List;

/**
 * Implemented by any module that has pages: a Spring bean returning the links the signed-in
 * account should see on the home page, e.g. a ledger module giving teachers "我的学时".
 */
public interface HomeLinks {

    List<HomeLink> linksFor(CurrentAccount account);
}
