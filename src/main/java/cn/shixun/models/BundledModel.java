package cn.shixun.models;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.springframework.core.io.Resource;

/**
 * One model file of the repository with what is deployed together with it: a BPMN file and the
 * forms its tasks name ({@code formRef}, binding {@code deployment}: the form must be in the
 * model's deployment), or a DMN file. Its checksum covers all of them, so a changed form is a
 * changed model; its version tag is the model's {@code camunda:versionTag} (on every process of
 * a BPMN file, every decision of a DMN file; all the same).
 *
 * @param name        the model's file name, e.g. {@code degreeExemption.bpmn}
 * @param keys        the process or decision ids it defines
 * @param versionTag  dot-separated numbers, e.g. {@code 2} or {@code 2.1}
 * @param resources   the model and its forms by resource name, as deployed
 */
record BundledModel(String name, List<String> keys, String versionTag, Map<String, byte[]> resources) {

    private static final Pattern VERSION_TAG = Pattern.compile("\\d+(\\.\\d+)*");

    BundledModel {
        keys = List.copyOf(keys);
        resources = Collections.unmodifiableMap(new LinkedHashMap<>(resources));
    }

    /**
     * Reads a model file and takes its forms from {@code forms} (by file name: a form's id is its
     * file name, as {@code ProcessModelConventionsTest} checks).
     *
     * @throws IllegalStateException a model without a version tag, with one that is not dot-separated
     *                               numbers, or naming a form that is not there
     */
    static BundledModel read(Resource model, Map<String, Resource> forms) {
        String name = Objects.requireNonNull(model.getFilename());
        byte[] content = bytes(model);
        Map<String, byte[]> resources = new LinkedHashMap<>();
        resources.put(name, content);
        List<String> keys = new ArrayList<>();
        TreeSet<String> tags = new TreeSet<>();
        if (name.endsWith(".bpmn")) {
            BpmnModelInstance bpmn = Bpmn.readModelFromStream(new ByteArrayInputStream(content));
            for (Process process : bpmn.getModelElementsByType(Process.class)) {
                keys.add(process.getId());
                tags.add(String.valueOf(process.getCamundaVersionTag()));
            }
            TreeSet<String> formRefs = new TreeSet<>();
            bpmn.getModelElementsByType(UserTask.class).forEach(task -> addIfSet(formRefs, task.getCamundaFormRef()));
            bpmn.getModelElementsByType(StartEvent.class).forEach(start -> addIfSet(formRefs, start.getCamundaFormRef()));
            for (String formRef : formRefs) {
                Resource form = forms.get(formRef + ".form");
                if (form == null) {
                    throw new IllegalStateException(name + " names the form " + formRef + ", but there is no "
                            + formRef + ".form among the bundled forms");
                }
                resources.put(formRef + ".form", bytes(form));
            }
        } else {
            for (Decision decision : Dmn.readModelFromStream(new ByteArrayInputStream(content))
                    .getModelElementsByType(Decision.class)) {
                keys.add(decision.getId());
                tags.add(String.valueOf(decision.getVersionTag()));
            }
        }
        if (tags.size() != 1 || !VERSION_TAG.matcher(tags.first()).matches()) {
            throw new IllegalStateException(name + " needs one camunda:versionTag of dot-separated numbers (e.g. \"2\") on "
                    + "every process or decision, so that start-up can tell a newer file from an older one; it has " + tags);
        }
        return new BundledModel(name, keys, tags.first(), resources);
    }

    /** SHA-256 over the resources' names and contents in name order. */
    String checksum() {
        return checksumOf(resources);
    }

    static String checksumOf(Map<String, byte[]> resources) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            new TreeMap<>(resources).forEach((resource, content) -> {
                digest.update(resource.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(content);
                digest.update((byte) 0);
            });
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compares version tags number by number: {@code 10 > 9}, {@code 2.1 > 2}. */
    static int compareVersionTags(String one, String other) {
        String[] a = one.split("\\.");
        String[] b = other.split("\\.");
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            long x = i < a.length ? Long.parseLong(a[i]) : 0;
            long y = i < b.length ? Long.parseLong(b[i]) : 0;
            if (x != y) {
                return Long.compare(x, y);
            }
        }
        return 0;
    }

    private static void addIfSet(TreeSet<String> formRefs, String formRef) {
        if (formRef != null && !formRef.isBlank()) {
            formRefs.add(formRef);
        }
    }

    private static byte[] bytes(Resource resource) {
        try (var in = resource.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
