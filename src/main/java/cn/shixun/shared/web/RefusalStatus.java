package cn.shixun.shared.web;

import cn.shixun.shared.BusinessRuleException;
import org.springframework.http.HttpStatus;

/** The HTTP status of a refusal, the same for the JSON API and the pages. */
public final class RefusalStatus {

    private RefusalStatus() {
    }

    public static HttpStatus of(BusinessRuleException refusal) {
        return switch (refusal.kind()) {
            case RULE_VIOLATION -> HttpStatus.UNPROCESSABLE_ENTITY;
            case MALFORMED -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
    }
}
