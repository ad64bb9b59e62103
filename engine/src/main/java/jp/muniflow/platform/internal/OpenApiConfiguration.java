package jp.muniflow.platform.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's OpenAPI description ({@code /v3/api-docs}) and its browsable page ({@code /swagger-ui/index.html}),
 * both for signed-in users only (the pages' security chain). Only MuniFlow's own API is described; Camunda's REST
 * API has its own documentation.
 */
@Configuration
class OpenApiConfiguration {

  @Bean
  OpenAPI muniflowOpenApi() {
    return new OpenAPI()
        .info(new Info().title("MuniFlow API").version("1")
            .description("""
                みどり東京・温暖化防止プロジェクトの申請・審査・通知のAPI。JSON over HTTP、HTTP Basic またはページのセッション。
                エラーは RFC 9457 の application/problem+json（Accept-Language: ja / en）。

                The API of MuniFlow: applications, tasks, notices, plans. JSON over HTTP with HTTP Basic or the pages'
                session; errors are RFC 9457 problem details in Japanese or English (Accept-Language).
                Examples: docs/api.md."""))
        .components(new Components().addSecuritySchemes("basic",
            new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
        .addSecurityItem(new SecurityRequirement().addList("basic"));
  }

  @Bean
  GroupedOpenApi muniflowApi() {
    return GroupedOpenApi.builder().group("muniflow").pathsToMatch("/api/**").build();
  }
}
