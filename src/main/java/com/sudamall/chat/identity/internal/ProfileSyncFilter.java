package com.sudamall.chat.identity.internal;

import com.sudamall.chat.identity.CurrentUser;
import com.sudamall.chat.web.RequestLog;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/** After the token is verified: stores the caller's profile and exposes them as a {@link CurrentUser}. */
class ProfileSyncFilter extends OncePerRequestFilter {

    static final String ATTRIBUTE = CurrentUser.class.getName();

    private final ProfileSync profileSync;

    ProfileSyncFilter(ProfileSync profileSync) {
        this.profileSync = profileSync;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof JwtAuthenticationToken token) {
            CurrentUser user = profileSync.sync(token.getToken());
            request.setAttribute(ATTRIBUTE, user);
            RequestLog.user(request, user.id());
        }
        chain.doFilter(request, response);
    }
}
