package com.sudamall.loadgen;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.catalina.Context;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ceiling: the least a chat server must do for the same traffic, on the same Tomcat and JSON library as the
 * service, with nothing else. It reads each {@code text} frame as JSON, builds a message like the service's, and
 * writes it, serialized once, to every socket of the room, plus an ack to the sender. No database, no bus, no
 * checks: what the machine's network stack and JSON can do at all.
 */
public final class CeilingServer {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, Set<Session>> ROOMS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicLong> SEQS = new ConcurrentHashMap<>();

    private CeilingServer() {}

    public static void main(String[] args) throws Exception {
        Tomcat tomcat = new Tomcat();
        tomcat.setPort(Integer.parseInt(args[0]));
        tomcat.setBaseDir(System.getProperty("java.io.tmpdir") + "/ceiling-" + args[0]);
        tomcat.getConnector();
        Context context = tomcat.addContext("", null);
        // the ceiling's classes are in this class loader, not in the web-app loader Tomcat would make
        context.setParentClassLoader(CeilingServer.class.getClassLoader());
        context.addServletContainerInitializer(new WsSci(), null);
        ((StandardContext) context).addApplicationLifecycleListener(new Deployer());
        Tomcat.addServlet(context, "ok", new Ok());
        context.addServletMappingDecoded("/", "ok");
        tomcat.start();
        tomcat.getServer().await();
    }

    /** Registers the broadcast endpoint once the WebSocket container exists. */
    public static final class Deployer implements ServletContextListener {
        @Override
        public void contextInitialized(ServletContextEvent event) {
            ServerContainer container =
                    (ServerContainer) event.getServletContext().getAttribute(ServerContainer.class.getName());
            try {
                container.addEndpoint(ServerEndpointConfig.Builder.create(Broadcast.class, "/ws/chat/{room}")
                        .build());
            } catch (DeploymentException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Answers the load generator's readiness check. */
    static final class Ok extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.getWriter().write("ok");
        }
    }

    public static final class Broadcast extends Endpoint {

        @Override
        public void onOpen(Session session, EndpointConfig config) {
            String room = session.getPathParameters().get("room");
            ROOMS.computeIfAbsent(room, r -> ConcurrentHashMap.newKeySet()).add(session);
            session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> onText(session, room, text));
        }

        @Override
        public void onClose(Session session, CloseReason reason) {
            Set<Session> members = ROOMS.get(session.getPathParameters().get("room"));
            if (members != null) {
                members.remove(session);
            }
        }

        private static void onText(Session sender, String room, String text) {
            JsonNode frame = JSON.readTree(text);
            long seq = SEQS.computeIfAbsent(room, r -> new AtomicLong()).incrementAndGet();
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("id", UUID.randomUUID().toString());
            message.put("room_id", room);
            message.put("seq", seq);
            message.put("message_type", "text");
            message.put("content", frame.path("content").asString());
            message.put("sender", Map.of("id", sender.getId(), "name", "ceiling"));
            message.put("created_at", Instant.now().toString());
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("type", "message");
            out.put("room_id", room);
            out.put("message", message);
            String encoded = JSON.writeValueAsString(out);
            for (Session member : ROOMS.getOrDefault(room, Set.of())) {
                send(member, encoded);
            }
            send(sender, "{\"type\":\"ack\",\"room_id\":\"" + room + "\",\"client_msg_id\":null}");
        }

        private static void send(Session session, String text) {
            try {
                synchronized (session) {
                    session.getBasicRemote().sendText(text);
                }
            } catch (IOException | IllegalStateException e) {
                // a closing socket: the ceiling keeps going, like the service
            }
        }
    }
}
