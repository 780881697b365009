package com.sudamall.loadgen;

import java.net.http.WebSocket;
import java.util.concurrent.CompletionStage;

/** A socket listener that hands over whole text frames, however the client split them into parts. */
abstract class TextListener implements WebSocket.Listener {

    private final StringBuilder partial = new StringBuilder();

    abstract void frame(String text);

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        if (last && partial.isEmpty()) {
            frame(data.toString());
        } else {
            partial.append(data);
            if (last) {
                frame(partial.toString());
                partial.setLength(0);
            }
        }
        webSocket.request(1);
        return null;
    }
}
