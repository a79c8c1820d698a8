package cn.shixun.shared.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A JSON request body with a field its record does not have is refused, naming the field
 * ({@link ProblemDetailsAdvice}), instead of being read without it: a misspelt
 * {@code approvedByEducationAuthorty} or a {@code sessions} the kind does not use would otherwise
 * change nothing and say nothing. Only request bodies: JSON the application stored itself is read
 * with Spring's shared mapper, which stays tolerant so that a record may lose a field later.
 */
@Configuration(proxyBeanMethods = false)
class StrictRequestBodies implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (int i = 0; i < converters.size(); i++) {
            if (converters.get(i) instanceof MappingJackson2HttpMessageConverter json) {
                converters.set(i, new MappingJackson2HttpMessageConverter(
                        json.getObjectMapper().copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)));
            }
        }
    }
}
