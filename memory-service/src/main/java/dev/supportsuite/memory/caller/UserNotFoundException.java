package dev.supportsuite.memory.caller;

/** No data of this user that the caller may see (another user's id answers the same as an unknown one). */
public class UserNotFoundException extends RuntimeException {

    public UserNotFoundException(String userId) {
        super("User " + userId + " not found");
    }
}
