package press.dispatch.privacy;

/** An erasure that may not happen (the address is the owner's account, or the requester's own); nothing was erased. */
public class ErasureRefusedException extends RuntimeException {

    public ErasureRefusedException(String message) {
        super(message);
    }
}
