# Builds the Casetrail application jar and runs it on a Java 17 runtime.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY core core
COPY projections projections
COPY api api
COPY benchmark/pom.xml benchmark/pom.xml
RUN mvn -B -q -DskipTests -pl api -am install

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/api/target/casetrail.jar casetrail.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/casetrail.jar"]
