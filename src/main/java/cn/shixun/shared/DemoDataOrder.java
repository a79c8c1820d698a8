package cn.shixun.shared;

/**
 * The order in which the modules' demo-data runners fill an empty database
 * ({@code shixun.demo-data.enabled=true}): each stage builds on the ones before.
 */
public final class DemoDataOrder {

    public static final int ORGANISATIONS_AND_TEACHERS = 100;
    public static final int LEDGER = 200;
    public static final int ACCOUNTS = 300;
    /** Cases in flight of the procedures, started as the demo accounts would. */
    public static final int PROCESSES = 400;

    private DemoDataOrder() {
    }
}
