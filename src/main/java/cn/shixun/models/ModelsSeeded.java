package cn.shixun.models;

import org.springframework.context.ApplicationEvent;

/**
 * Published by start-up once the repository's models are deployed (or held back), before the web
 * server answers and before the demo-data runners start cases: what builds on the deployed models
 * (the policy versions' pins to the decision tables) listens for it instead of racing the deployment.
 */
public class ModelsSeeded extends ApplicationEvent {

    ModelsSeeded(Object source) {
        super(source);
    }
}
