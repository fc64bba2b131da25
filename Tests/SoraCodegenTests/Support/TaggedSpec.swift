/// A spec with two tags, shared and private schemas, a discriminator mapping and a recursive schema: what a
/// filter has to follow to keep exactly the schemas its operations reach.
enum TaggedSpec {
    static let text = """
        openapi: 3.1.0
        info: {title: Zoo, version: "1"}
        paths:
          /animals:
            get:
              operationId: listAnimals
              tags: [Animals]
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema: {type: array, items: {$ref: '#/components/schemas/Animal'}}
          /animals/{id}:
            get:
              operationId: getAnimal
              tags: [Animals]
              parameters:
                - {name: id, in: path, required: true, schema: {type: string}}
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Animal'}
          /keepers:
            post:
              operationId: hireKeeper
              tags: [Staff]
              requestBody:
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/Keeper'}
              responses:
                "204": {description: hired}
          /health:
            get:
              operationId: health
              responses:
                "204": {description: up}
        components:
          schemas:
            Animal:
              oneOf:
                - {$ref: '#/components/schemas/Cat'}
                - {$ref: '#/components/schemas/Dog'}
              discriminator:
                propertyName: kind
                mapping: {cat: '#/components/schemas/Cat', dog: '#/components/schemas/Dog'}
            Cat:
              type: object
              required: [kind]
              properties:
                kind: {type: string}
                friend: {$ref: '#/components/schemas/Animal'}
            Dog:
              type: object
              required: [kind]
              properties:
                kind: {type: string}
                toys: {type: array, items: {$ref: '#/components/schemas/Toy'}}
            Toy:
              type: object
              properties:
                name: {type: string}
            Keeper:
              type: object
              properties:
                name: {type: string}
                badge: {$ref: '#/components/schemas/Badge'}
            Badge:
              type: object
              properties:
                number: {type: integer}
            Unused:
              type: object
              properties:
                note: {type: string}
        """
}
