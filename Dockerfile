# The service as a container image. Not exercised by CI (its machines have no container engine): build the jar
# first with ./mvnw -DskipTests package, then docker build -t sudamall-chat .
FROM eclipse-temurin:25-jre
RUN useradd --system --uid 10001 chat
WORKDIR /app
COPY target/sudamall-chat-*-SNAPSHOT.jar /app/chat.jar
USER chat
EXPOSE 8080
# sockets: raise the open-files limit of the container runtime to match CHAT_MAX_CONNECTIONS
ENTRYPOINT ["java", "-XX:+UseG1GC", "-XX:MaxRAMPercentage=75", "-jar", "/app/chat.jar"]
