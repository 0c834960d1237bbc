package com.example.events;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import com.fasterxml.jackson.databind.jsontype.impl.LaissezFaireSubTypeValidator;

public class EventMapper {
    // ruleid: java.jackson-polymorphic-typing
    @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS, property = "@class")
    public static abstract class Event {}

    // ok: java.jackson-polymorphic-typing
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    public static abstract class NamedEvent {}

    public ObjectMapper legacy() {
        ObjectMapper mapper = new ObjectMapper();
        // ruleid: java.jackson-polymorphic-typing
        mapper.enableDefaultTyping();
        return mapper;
    }

    public ObjectMapper permissive() {
        return JsonMapper.builder()
            // ruleid: java.jackson-polymorphic-typing
            .activateDefaultTyping(LaissezFaireSubTypeValidator.instance, ObjectMapper.DefaultTyping.NON_FINAL)
            .build();
    }

    public ObjectMapper restricted() {
        BasicPolymorphicTypeValidator ptv = BasicPolymorphicTypeValidator.builder()
            .allowIfSubType("com.example.events.")
            .build();
        ObjectMapper mapper = new ObjectMapper();
        // ok: java.jackson-polymorphic-typing
        mapper.activateDefaultTyping(ptv, ObjectMapper.DefaultTyping.NON_FINAL);
        return mapper;
    }
}
