package dev.odirect.conformance.crash;

/**
 * One crash state of the recorded device.
 *
 * @param point   the log position of the crash: marks before it happened, later ones did not
 * @param kind    how it was made (after an acknowledgement, at a flush, a subset of unflushed writes, a torn write)
 * @param writes  which writes after the last flush it keeps, drops or tears, for people
 * @param replay  how to mount this state again for inspection
 */
public record CrashState(int id, int point, String kind, String writes, String replay) {
    @Override
    public String toString() {
        return "crash state " + id + " (" + kind + " at log position " + point + "; " + writes + ")";
    }
}
