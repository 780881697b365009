package com.sudamall.chat.identity.internal;

import com.sudamall.chat.identity.NewProfile;
import com.sudamall.chat.identity.Role;
import com.sudamall.chat.identity.UserProfile;
import com.sudamall.chat.web.Timestamps;
import com.sudamall.chat.web.Upserts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code users}. */
@Repository
public class UserRepository {

    private static final String COLUMNS = "id, name, email, avatar_url, roles, email_alerts, is_erased, last_seen_at";

    private static final RowMapper<UserProfile> PROFILE = UserRepository::profile;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    UserRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    public Optional<UserProfile> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = :id")
                .param("id", id)
                .query(PROFILE)
                .optional();
    }

    public List<UserProfile> findAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id IN (:ids)")
                .param("ids", List.copyOf(ids))
                .query(PROFILE)
                .list();
    }

    /** Stores each user's last-seen time, in one batch; a time never moves back. */
    public void markAllSeen(Map<String, Instant> seen) {
        named.batchUpdate(
                """
                UPDATE users SET last_seen_at = :at
                WHERE id = :id AND (last_seen_at IS NULL OR last_seen_at < :at)
                """,
                seen.entrySet().stream()
                        .map(e -> new MapSqlParameterSource()
                                .addValue("id", e.getKey())
                                .addValue("at", Timestamps.param(e.getValue())))
                        .toArray(SqlParameterSource[]::new));
    }

    /** Takes the user's alert slot: true when no alert went out after {@code alertedBefore} (one node wins). */
    public boolean claimAlert(String id, Instant now, Instant alertedBefore) {
        return jdbc.sql("""
                        UPDATE users SET last_alert_at = :now
                        WHERE id = :id AND (last_alert_at IS NULL OR last_alert_at <= :alertedBefore)
                        """)
                        .param("now", Timestamps.param(now))
                        .param("alertedBefore", Timestamps.param(alertedBefore))
                        .param("id", id)
                        .update()
                == 1;
    }

    public void setEmailAlerts(String id, boolean on, Instant now) {
        jdbc.sql("UPDATE users SET email_alerts = :on, updated_at = :now WHERE id = :id")
                .param("on", on)
                .param("now", Timestamps.param(now))
                .param("id", id)
                .update();
    }

    /** Anonymises the profile for good: nothing identifying is left, and no later sync fills it in again. */
    public void erase(String id, Instant now) {
        jdbc.sql("""
                        UPDATE users
                           SET name = NULL, email = NULL, avatar_url = NULL, roles = '', email_alerts = FALSE,
                               is_erased = TRUE, updated_at = :now
                         WHERE id = :id
                        """).param("now", Timestamps.param(now)).param("id", id).update();
        jdbc.sql("DELETE FROM ws_tickets WHERE user_id = :id").param("id", id).update();
    }

    private static final String INSERT_PLACEHOLDER = """
            INSERT INTO users (id, created_at, updated_at)
            VALUES (:id, :now, :now)
            ON CONFLICT DO NOTHING
            """;

    public void insertMissing(List<String> ids, Instant now) {
        for (String id : ids) {
            jdbc.sql(INSERT_PLACEHOLDER)
                    .param("id", id)
                    .param("now", Timestamps.param(now))
                    .update();
        }
    }

    // An erased profile stays empty; the row still matches, so the upsert never falls through to an insert.
    private static final String UPDATE = """
            UPDATE users
               SET name = CASE WHEN is_erased THEN NULL ELSE :name END,
                   email = CASE WHEN is_erased THEN NULL ELSE :email END,
                   avatar_url = CASE WHEN is_erased THEN NULL ELSE :avatarUrl END,
                   roles = CASE WHEN is_erased THEN '' ELSE :roles END,
                   updated_at = :now
             WHERE id = :id
            """;

    private static final String INSERT = """
            INSERT INTO users (id, name, email, avatar_url, roles, created_at, updated_at)
            VALUES (:id, :name, :email, :avatarUrl, :roles, :now, :now)
            """;

    /** Inserts or updates the profile; true when it was inserted. */
    public boolean upsert(NewProfile profile, Instant now) {
        return Upserts.updateOrInsert(
                () -> bind(jdbc.sql(UPDATE), profile, now).update(),
                () -> bind(jdbc.sql(INSERT), profile, now).update());
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, NewProfile profile, Instant now) {
        return spec.param("id", profile.id())
                .param("name", profile.name())
                .param("email", profile.email())
                .param("avatarUrl", profile.avatarUrl())
                .param("roles", String.join(",", Role.wireNames(profile.roles())))
                .param("now", Timestamps.param(now));
    }

    /** Users with a moderator or admin role: the support agents. The LIKE narrows; the parsed roles decide. */
    public List<UserProfile> supportAgents() {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM users
                        WHERE (roles LIKE '%moderator%' OR roles LIKE '%admin%') AND is_erased = FALSE
                        """).query(UserRepository::profile).list().stream()
                .filter(user ->
                        user.roles().contains(Role.MODERATOR) || user.roles().contains(Role.ADMIN))
                .toList();
    }

    private static UserProfile profile(ResultSet rs, int row) throws SQLException {
        String roles = rs.getString("roles");
        return new UserProfile(
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("email"),
                rs.getString("avatar_url"),
                Role.parse(roles == null || roles.isEmpty() ? List.of() : Arrays.asList(roles.split(","))),
                rs.getBoolean("email_alerts"),
                rs.getBoolean("is_erased"),
                Timestamps.read(rs, "last_seen_at"));
    }
}
