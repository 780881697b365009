package com.sudamall.chat.identity.internal;

import com.sudamall.chat.identity.CurrentUser;
import com.sudamall.chat.web.ChatException;
import com.sudamall.chat.web.ErrorCode;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Lets controllers take a {@link CurrentUser} parameter. */
@Configuration(proxyBeanMethods = false)
class CurrentUserResolver implements WebMvcConfigurer, HandlerMethodArgumentResolver {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == CurrentUser.class;
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer container,
            NativeWebRequest request,
            WebDataBinderFactory binders) {
        Object user = request.getAttribute(ProfileSyncFilter.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (user instanceof CurrentUser current) {
            return current;
        }
        throw new ChatException(ErrorCode.UNAUTHORIZED, "Authentication required: a valid bearer token");
    }
}
