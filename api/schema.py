"""The OpenAPI 3.1 document, made from the same resource definitions the views
serve, so that it cannot describe a field or a filter the API does not have."""

import django_filters
from django.db import models
from django.urls import reverse

from .licence import LICENSE_NAME, LICENSE_URL
from .listing import MAX_PAGE_SIZE, PAGE_SIZE
from .resources import resources

NULLABLE_STRING = {"type": ["string", "null"]}
REFERENCE = {
    "type": ["object", "null"],
    "properties": {
        "key": {"type": "string"},
        "name": {"type": "string"},
        "url": {"type": "string", "format": "uri"},
        "api": {"type": "string", "format": "uri"},
    },
    "required": ["key", "name"],
}
PARTIAL_DATE = {
    "type": ["object", "null"],
    "description": "A date known to a year, a month or a day: its ISO 8601 prefix and precision.",
    "properties": {
        "date": {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"},
        "precision": {"type": "string", "enum": ["year", "month", "day"]},
    },
    "required": ["date", "precision"],
}
CITATION = {
    "type": "object",
    "properties": {
        "source": {
            "type": "object",
            "properties": {
                "key": {"type": "string"},
                "name": {"type": "string"},
                "url": {"type": "string", "format": "uri"},
                "api": {"type": "string", "format": "uri"},
                "web_address": NULLABLE_STRING,
            },
        },
        "supports": {**NULLABLE_STRING, "description": "The field it backs; null: the entry."},
        "locator": {"type": "string"},
        "quotation": {"type": "string"},
    },
}
LICENSE = {
    "type": "object",
    "properties": {n: {"type": "string"} for n in ("name", "url", "statement")},
}
ERROR = {
    "type": "object",
    "properties": {
        "error": {"type": "string"},
        "status": {"type": "integer"},
        "parameter": {"type": "string"},
    },
    "required": ["error", "status"],
}


def field_schema(field):
    model_field = field.model_field
    if field.is_list:
        return {"type": "array", "items": {**REFERENCE, "type": "object"}}
    if field.is_reference:
        return REFERENCE
    if field.is_date:
        return PARTIAL_DATE
    if isinstance(model_field, models.BooleanField):
        found = {"type": "boolean"}
    elif isinstance(model_field, models.IntegerField):
        found = {"type": "integer"}
    elif isinstance(model_field, models.DecimalField):
        found = {"type": "string", "format": "decimal", "description": "An exact decimal."}
    elif isinstance(model_field, models.JSONField):
        found = {"type": "array", "items": {"type": "string"}}
    elif isinstance(model_field, models.DateField):
        found = {"type": ["string", "null"], "format": "date"}
    else:
        found = {"type": "string"}
    if field.has_choices:
        found["enum"] = [value for value, _label in model_field.choices]
    found["title"] = str(model_field.verbose_name)
    return found


def entry_schema(resource):
    properties = {"key": {"type": "string"}, "label": {"type": "string"}}
    for field in resource.fields:
        properties[field.name] = field_schema(field)
        if field.has_choices:
            properties[f"{field.name}_label"] = {"type": "string"}
    if resource.cites:
        properties["citations"] = {
            "type": "array",
            "items": {"$ref": "#/components/schemas/Citation"},
        }
    properties["links"] = {
        "type": "object",
        "properties": {n: {"type": ["string", "null"]} for n in ("html", "api", "history")},
    }
    return {
        "type": "object",
        "title": str(resource.model._meta.verbose_name),
        "properties": properties,
        "required": ["key", "label", "links"],
    }


def filter_parameter(name, declared):
    schema = {"type": "string"}
    if isinstance(declared, django_filters.ChoiceFilter) and isinstance(
        declared.extra.get("choices"), list | tuple
    ):
        schema["enum"] = [value for value, _label in declared.extra["choices"]]
    return {"name": name, "in": "query", "required": False, "schema": schema}


PAGING_PARAMETERS = [
    {
        "name": "page",
        "in": "query",
        "required": False,
        "schema": {"type": "integer", "minimum": 1, "default": 1},
    },
    {
        "name": "page_size",
        "in": "query",
        "required": False,
        "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE, "default": PAGE_SIZE},
    },
]


def errors(*statuses):
    found = {}
    for status in statuses:
        found[str(status)] = {
            "description": {400: "A parameter is wrong (named in the answer).", 404: "Not found."}[
                status
            ],
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
        }
    return found


def resource_paths(resource, list_path, detail_path):
    name = resource.model.__name__
    filters = resource.filterset_class().base_filters
    listed = {
        "type": "object",
        "properties": {
            "kind": {"type": "string"},
            "count": {"type": "integer"},
            "page": {"type": "integer"},
            "pages": {"type": "integer"},
            "next": NULLABLE_STRING,
            "previous": NULLABLE_STRING,
            "results": {"type": "array", "items": {"$ref": f"#/components/schemas/{name}"}},
            "license": {"$ref": "#/components/schemas/License"},
        },
    }
    ok = {"description": "OK", "headers": {"ETag": {"schema": {"type": "string"}}}}
    return {
        list_path: {
            "get": {
                "operationId": f"list_{name}",
                "summary": f"Published {resource.label}",
                "parameters": PAGING_PARAMETERS
                + [filter_parameter(n, f) for n, f in sorted(filters.items())],
                "responses": {
                    "200": {**ok, "content": {"application/json": {"schema": listed}}},
                    **errors(400, 404),
                },
            }
        },
        detail_path: {
            "get": {
                "operationId": f"get_{name}",
                "summary": f"One published {resource.model._meta.verbose_name}",
                "parameters": [
                    {"name": "key", "in": "path", "required": True, "schema": {"type": "string"}}
                ],
                "responses": {
                    "200": {
                        **ok,
                        "content": {
                            "application/json": {"schema": {"$ref": f"#/components/schemas/{name}"}}
                        },
                    },
                    **errors(404),
                },
            }
        },
    }


def openapi_document(request):
    paths, schemas = {}, {"Citation": CITATION, "License": LICENSE, "Error": ERROR}
    for resource in resources():
        list_path = reverse("api:list", args=[resource.kind])
        paths.update(resource_paths(resource, list_path, list_path + "{key}/"))
        schemas[resource.model.__name__] = entry_schema(resource)
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "IOM reference: read API",
            "version": "1",
            "description": "Every published entry of the site, with its citations. Read-only.",
            "license": {"name": LICENSE_NAME, "url": LICENSE_URL},
        },
        "servers": [{"url": request.build_absolute_uri("/").rstrip("/")}],
        "paths": paths,
        "components": {"schemas": schemas},
    }
